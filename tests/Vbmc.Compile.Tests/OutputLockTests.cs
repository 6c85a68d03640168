using System.Text.Json.Nodes;
using Vbmc.TestSupport;

namespace Vbmc.Compile.Tests;

/// <summary>
/// One compile at a time per output folder. The audit: two compiles into one folder at once left
/// files of both configurations, after which compile refused the folder (VBM5003) until it was
/// cleaned by hand.
/// </summary>
public sealed class OutputLockTests : IDisposable
{
    private readonly TempParent _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Configuration(string file, params string[] names) => _temp.Write(file, $$"""
        (use-modules (gnu services virtualization))
        (list {{string.Join(" ", names.Select(n => $"(service virtual-build-machine-service-type (virtual-build-machine (name '{n})))"))}})
        """);

    [Fact]
    public void Two_compiles_into_one_folder_at_once_leave_the_files_of_one_and_the_next_compile_works()
    {
        var alpha = Configuration("alpha.scm", "alpha");
        var beta = Configuration("beta.scm", "beta");
        for (var round = 0; round < 4; round++)
        {
            var runs = new[] { alpha, beta }.AsParallel().WithDegreeOfParallelism(2)
                .Select(file => VbmcCli.Run(["compile", "--no-image", file, "-o", _temp.Out])).ToList();
            foreach (var run in runs)
            {
                run.ExitCode.Should().BeOneOf([0, 2], run.Stdout + run.Stderr);
                if (run.ExitCode == 2) (run.Stdout + run.Stderr).Should().Contain("another vbmc compile is writing").And.Contain("[VBM5004]");
            }
            // Whatever the order, the folder is exactly what one of them writes: its manifest's
            // files and nothing else, of one configuration.
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(_temp.Out, "manifest.json")))!;
            var listed = manifest["artifacts"]!.AsArray().Select(a => (string)a!["path"]!).Append("manifest.json").Order().ToList();
            var present = Directory.GetFiles(_temp.Out, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(_temp.Out, f)).Order().ToList();
            present.Should().Equal(listed, $"round {round}");
            var vms = string.Join(" ", manifest["vms"]!.AsArray().Select(v => (string)v!["name"]!).Order());
            vms.Should().BeOneOf("alpha", "beta");
            Directory.GetDirectories(_temp.Root, ".out.vbmc-staging-*").Should().BeEmpty();
        }
        var after = VbmcCli.Run(["compile", "--no-image", beta, "-o", _temp.Out]);
        after.ExitCode.Should().Be(0, after.Stderr);
    }

    [Fact]
    public void A_compile_into_a_folder_another_compile_holds_writes_nothing_and_exits_2()
    {
        var alpha = Configuration("alpha.scm", "alpha");
        Directory.CreateDirectory(_temp.Out);
        var link = Path.Combine(_temp.Root, "link");
        File.CreateSymbolicLink(link, _temp.Root);
        using (var held = OutputLock.TryAcquire(_temp.Out))
        {
            held.Should().NotBeNull();
            OutputLock.TryAcquire(_temp.Out + "/").Should().BeNull("the same folder");
            // Through a symbolic link it is the same folder, so the same lock.
            var run = VbmcCli.Run(["compile", "--no-image", alpha, "-o", Path.Combine(link, "out")]);
            run.ExitCode.Should().Be(2, run.Stdout + run.Stderr);
            run.Stdout.Should().Contain($"another vbmc compile is writing {Path.Combine(link, "out")} now; nothing was written");
            Directory.EnumerateFileSystemEntries(_temp.Out).Should().BeEmpty();
            // A dry run writes nothing, so it needs no lock.
            VbmcCli.Run(["compile", "--no-image", "--dry-run", alpha, "-o", _temp.Out]).ExitCode.Should().Be(0);
        }
        var free = VbmcCli.Run(["compile", "--no-image", alpha, "-o", _temp.Out]);
        free.ExitCode.Should().Be(0, free.Stderr);
    }

    [Fact]
    public void Staging_folders_left_by_killed_compiles_are_removed_by_the_next_compile()
    {
        var alpha = Configuration("alpha.scm", "alpha");
        var sibling = Path.Combine(_temp.Root, ".out" + StagingFolder.Prefix + "0123456789ab");
        var inside = Path.Combine(_temp.Out, StagingFolder.Prefix + "ba9876543210");
        var notOurs = Path.Combine(_temp.Root, ".out" + StagingFolder.Prefix + "mine");
        foreach (var folder in new[] { sibling, inside, notOurs })
        {
            Directory.CreateDirectory(Path.Combine(folder, "vm"));
            File.WriteAllText(Path.Combine(folder, "vm", "left.txt"), "left by a killed compile");
        }
        var run = VbmcCli.Run(["compile", "--no-image", alpha, "-o", _temp.Out]);
        run.ExitCode.Should().Be(0, run.Stderr);
        Directory.Exists(sibling).Should().BeFalse();
        Directory.Exists(inside).Should().BeFalse();
        Directory.Exists(notOurs).Should().BeTrue("only names compile gives its staging folders are removed");
    }
}
