using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Compile.Tests;

/// <summary>`vbmc compile` through the real program (a separate process, as a user runs it).</summary>
public sealed partial class CompileCliTests : IDisposable
{
    private readonly TempParent _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Every acceptance file that checks without error, and every example.</summary>
    public static TheoryData<string> CompilableFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Acceptance, "*.scm").Order(StringComparer.Ordinal))
        {
            if (AcceptanceFile.Load(file).Errors.Count == 0) data.Add("acceptance/" + Path.GetFileName(file));
        }
        foreach (var file in Directory.GetFiles(RepoPaths.Examples, "*.scm").Order(StringComparer.Ordinal))
            data.Add("examples/" + Path.GetFileName(file));
        return data;
    }

    private static string Resolve(string name) => name.StartsWith("acceptance/", StringComparison.Ordinal)
        ? Path.Combine(RepoPaths.Acceptance, name["acceptance/".Length..])
        : Path.Combine(RepoPaths.Root, name);

    [Theory]
    [MemberData(nameof(CompilableFiles))]
    public void Two_compiles_give_byte_identical_folders(string name)
    {
        var source = Resolve(name);
        var first = Path.Combine(_temp.Root, "first");
        var second = Path.Combine(_temp.Root, "second");

        // Once by file name from its own folder, once by absolute path from elsewhere: same bytes.
        var run1 = VbmcCli.Run(["compile", Path.GetFileName(source), "-o", first, "--no-image"], Path.GetDirectoryName(source));
        var run2 = VbmcCli.Run(["compile", source, "--output", second, "--no-image"], _temp.Root);

        run1.ExitCode.Should().Be(0, "{0}:\n{1}{2}", name, run1.Stdout, run1.Stderr);
        run2.ExitCode.Should().Be(0, "{0}:\n{1}{2}", name, run2.Stdout, run2.Stderr);
        var a = Snapshot.Of(first);
        var b = Snapshot.Of(second);
        a.Keys.Should().Contain("manifest.json").And.Contain("machines.scm");
        Snapshot.Describe(b).Should().Be(Snapshot.Describe(a), "same file list, same bytes, same modes");
        ManifestMatchesDisk(first);
        run1.Stderr.Should().Contain($"wrote {a.Count(p => !p.Key.EndsWith('/'))} files to {first}");
    }

    [Fact]
    public void The_manifest_names_each_artifacts_vm_and_the_configuration_by_file_name_and_hash()
    {
        var source = Path.Combine(RepoPaths.Examples, "two-vms.scm");
        var run = VbmcCli.Run(["compile", source, "-o", _temp.Out, "--no-image", "--quiet"]);

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        run.Stderr.Should().BeEmpty("--quiet prints nothing but diagnostics");
        var manifest = Manifest.Parse(File.ReadAllText(Path.Combine(_temp.Out, "manifest.json")));
        manifest.Source.Should().Be(new ManifestSource("two-vms.scm", Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(source)))));
        manifest.Vbmc.Should().Be("0.1.0");
        manifest.Vms.Select(v => (v.Name, v.Account, v.SshPort)).Should().Equal(("past", "build-vm-past", 11022), ("present", "build-vm-present", 12022));
        manifest.Artifacts.Single(a => a.Path == "run-past.sh").Should().Match<ManifestArtifact>(a => a.Vm == "past" && a.Mode == "0755");
        manifest.Artifacts.Single(a => a.Path == "systemd/present.service").Vm.Should().Be("present");
        manifest.Artifacts.Single(a => a.Path == "machines.scm").Vm.Should().BeNull();
        manifest.Artifacts.Where(a => a.Kind == ArtifactKind.DiskImage || a.Kind == ArtifactKind.Kernel || a.Kind == ArtifactKind.Initrd)
            .Should().BeEmpty("--no-image builds no image");
        File.ReadAllText(Path.Combine(_temp.Out, "run-past.sh")).Should().Contain("past.qcow2", "the script still names the image");
    }

    [Fact]
    public void A_configuration_with_errors_writes_nothing_and_exits_1()
    {
        var run = VbmcCli.Run(["compile", Path.Combine(RepoPaths.Acceptance, "07-error-field-typo.scm"), "-o", _temp.Out, "--no-image"]);

        run.ExitCode.Should().Be(1, run.Stdout + run.Stderr);
        run.Stdout.Should().Contain("error:");
        Directory.GetFileSystemEntries(_temp.Root).Should().BeEmpty("nothing is written, not even a staging folder");
    }

    [Fact]
    public void A_missing_file_exits_2_and_writes_nothing()
    {
        var run = VbmcCli.Run(["compile", Path.Combine(_temp.Root, "no-such.scm"), "-o", _temp.Out, "--no-image"]);

        run.ExitCode.Should().Be(2, run.Stdout + run.Stderr);
        (run.Stdout + run.Stderr).Should().Contain("VBM9002").And.Contain("no-such.scm");
        Directory.GetFileSystemEntries(_temp.Root).Should().BeEmpty();
    }

    [Fact]
    public void A_missing_output_option_exits_2()
    {
        var run = VbmcCli.Run(["compile", Path.Combine(RepoPaths.Examples, "build-vm.scm"), "--no-image"]);

        run.ExitCode.Should().Be(2, run.Stdout + run.Stderr);
        run.Stderr.Should().Contain("VBM9001").And.Contain("--output");
    }

    [Fact]
    public void A_file_in_the_way_is_a_conflict_that_exits_2_and_changes_nothing()
    {
        Directory.CreateDirectory(_temp.Out);
        var mine = _temp.Write("out/run-build-vm.sh", "#!/bin/sh\necho my own script\n", Artifact.Executable);
        var before = Snapshot.Of(_temp.Root);

        var run = VbmcCli.Run(["compile", Path.Combine(RepoPaths.Examples, "build-vm.scm"), "-o", _temp.Out, "--no-image"]);

        run.ExitCode.Should().Be(2, run.Stdout + run.Stderr);
        run.Stdout.Should().Contain("VBM5003").And.Contain(mine);
        Snapshot.Of(_temp.Root).Should().Equal(before);
    }

    [Fact]
    public void The_dry_run_lists_what_the_real_run_then_writes_and_writes_nothing()
    {
        var source = Path.Combine(RepoPaths.Examples, "two-vms.scm");

        var dry = VbmcCli.Run(["compile", source, "-o", _temp.Out, "--no-image", "--dry-run"]);

        dry.ExitCode.Should().Be(0, dry.Stdout + dry.Stderr);
        Directory.GetFileSystemEntries(_temp.Root).Should().BeEmpty("a dry run writes nothing");
        var listed = Listing(dry.Stdout);
        listed.Should().OnlyContain(l => l.Action == "create");
        dry.Stderr.Should().Contain($"would write {listed.Count} files to {_temp.Out}");

        VbmcCli.Run(["compile", source, "-o", _temp.Out, "--no-image"]).ExitCode.Should().Be(0);

        var files = Directory.GetFiles(_temp.Out, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_temp.Out, f))
            .Order(StringComparer.Ordinal).ToList();
        listed.Select(l => l.Path).Should().Equal(files);
        foreach (var line in listed) new FileInfo(Path.Combine(_temp.Out, line.Path)).Length.Should().Be(long.Parse(line.Size), line.Path);

        var again = VbmcCli.Run(["compile", source, "-o", _temp.Out, "--no-image", "--dry-run"]);
        Listing(again.Stdout).Should().OnlyContain(l => l.Action == "unchanged").And.HaveCount(files.Count);
    }

    [Fact]
    public void Json_diagnostics_keep_standard_output_one_document()
    {
        var run = VbmcCli.Run(["compile", Path.Combine(RepoPaths.Acceptance, "12-before-2006-qemu64.scm"), "-o", _temp.Out,
            "--no-image", "--dry-run", "--format", "json"]);

        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        var document = JsonNode.Parse(run.Stdout)!;
        document["diagnostics"]!.AsArray().Should().Contain(d => d!["severity"]!.GetValue<string>() == "warning");
        Listing(run.Stderr).Should().Contain(l => l.Path == "run-retro.sh" && l.Action == "create");
    }

    [Fact]
    public void Help_shows_every_option()
    {
        var run = VbmcCli.Run(["compile", "--help"]);

        run.ExitCode.Should().Be(0);
        foreach (var option in new[] { "FILE", "-o, --output", "DIR", "--no-image", "--dry-run", "--quiet", "--format", "--system" })
            run.Stdout.Should().Contain(option);
    }

    private static void ManifestMatchesDisk(string folder)
    {
        var manifest = Manifest.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f))
            .Where(p => p != "manifest.json").Order(StringComparer.Ordinal).ToList();
        manifest.Artifacts.Select(a => a.Path).Should().Equal(files);
        foreach (var artifact in manifest.Artifacts)
        {
            var native = Path.Combine(folder, artifact.Path);
            artifact.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(native))));
            artifact.Mode.Should().Be("0" + Convert.ToString((int)File.GetUnixFileMode(native), 8));
        }
    }

    private sealed record Line(string Action, string Size, string Path);

    private static List<Line> Listing(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => ListingLine().Match(l))
            .Where(m => m.Success)
            .Select(m => new Line(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))
            .ToList();

    [GeneratedRegex(@"^(create|replace|unchanged|remove)\s+(\S+)  (.+)$")]
    private static partial Regex ListingLine();
}
