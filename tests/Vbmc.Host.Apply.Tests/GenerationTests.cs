using Vbmc.Host.Apply.Tests.Support;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Host.Apply.Tests;

/// <summary>Idempotence, --dry-run, new generations, rollback and the generations list.</summary>
[Collection(CompiledCollection.Name)]
public sealed class GenerationTests : IDisposable
{
    private readonly TestRoot _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Applying_the_same_folder_again_changes_nothing_and_says_so()
    {
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        var before = Tree.Take(_t.Root);

        var dryRun = Run.Cli("apply", Compiled.FirstFolder, "--root", _t.Root, "--dry-run");
        dryRun.Exit.Should().Be(0, dryRun.Err);
        dryRun.Out.Should().StartWith("nothing to do");
        Tree.Take(_t.Root).Should().Equal(before);

        var again = Run.Cli("apply", Compiled.FirstFolder, "--root", _t.Root);
        again.Exit.Should().Be(0, again.Err);
        again.Out.Should().StartWith("nothing to do");
        Tree.Take(_t.Root).Should().Equal(before);
        new GenerationStore(_t.Root).Numbers().Should().Equal(1);
    }

    [Fact]
    public void Dry_run_prints_the_difference_and_changes_nothing()
    {
        var fresh = Run.Cli("apply", Compiled.FirstFolder, "--root", _t.Root, "--dry-run");
        fresh.Exit.Should().Be(0, fresh.Err);
        fresh.Out.Should().Contain("make generation 1")
            .And.Contain("add     /etc/systemd/system/vbmc-alpha.service")
            .And.Contain("add     /etc/systemd/system/multi-user.target.wants/vbmc-alpha.service")
            .And.Contain("account user build-vm-alpha")
            .And.Contain("secret  /etc/vbmc/alpha/ssh_host_ed25519_key")
            .And.Contain("units   none started: --root is not /");
        Directory.EnumerateFileSystemEntries(_t.Root).Should().BeEmpty();

        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        var before = Tree.Take(_t.Root);
        var next = Run.Cli("apply", Compiled.SecondFolder, "--root", _t.Root, "--dry-run");
        next.Exit.Should().Be(0, next.Err);
        next.Out.Should().Contain("make generation 2").And.Contain("replacing generation 1")
            .And.Contain("change  /var/lib/vbmc/alpha/run-alpha.sh")
            .And.Contain("add     /etc/systemd/system/vbmc-beta.service")
            .And.Contain("change  /etc/nix/machines")
            .And.Contain("account user build-vm-beta")
            .And.Contain("secret  /etc/vbmc/beta/offload_ed25519")
            .And.NotContain("alpha/ssh_host");
        Tree.Take(_t.Root).Should().Equal(before);
    }

    [Fact]
    public void A_changed_configuration_makes_generation_2_and_rollback_restores_generation_1_exactly()
    {
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        var firstCopy = Path.Combine(_t.Work, "first");
        ProcessRunner.Run("cp", ["-a", _t.Root, firstCopy]).ExitCode.Should().Be(0);
        var first = Tree.Take(_t.Root);

        var second = Run.Apply(Compiled.SecondFolder, _t.Root).ShouldSucceed();
        second.Output.Should().Contain("switched to generation 2 (was 1)");
        Installed.Problems(_t.Root, 2).Should().BeEmpty();
        File.Exists(_t.At("/etc/systemd/system/vbmc-beta.service")).Should().BeTrue();
        File.ReadAllText(_t.At("/etc/nix/machines")).Should().Contain("ssh-ng://offload@vbmc-beta ");
        File.ReadAllText(_t.At(InstallLayout.SshConfigFile)).Should().Contain("Host vbmc-beta\n  HostName 127.0.0.1\n  Port 12022\n");

        var list = Run.Cli("generations", "--root", _t.Root);
        list.Exit.Should().Be(0, list.Err);
        var lines = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines[0].Should().MatchRegex(@"^     1  \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  alpha\.scm  sha256 [0-9a-f]{12}  VMs: alpha$");
        lines[1].Should().MatchRegex(@"^\*    2  .*  two\.scm  sha256 [0-9a-f]{12}  VMs: alpha, beta$");

        var back = Run.Cli("rollback", "--root", _t.Root);
        back.Exit.Should().Be(0, back.Err);
        back.Out.Should().Contain("switched to generation 1 (was 2)").And.Contain("remove  /etc/systemd/system/vbmc-beta.service");
        Installed.Problems(_t.Root, 1).Should().BeEmpty();
        // Outside the generations area the tree is generation 1's: same paths, bytes, modes, owners
        // and link targets; only beta's account, folders and secrets stay (they are never removed).
        Tree.Differences(firstCopy, first, _t.Root, Tree.Take(_t.Root), Tree.IsGenerationsArea).Should().BeEmpty();
        File.Exists(_t.At("/etc/systemd/system/vbmc-beta.service")).Should().BeFalse();
        new FileInfo(_t.At("/var/lib/vbmc/current")).LinkTarget.Should().Be("generations/1");

        // Forward again by number; then the same folder is "nothing to do".
        Run.Cli("rollback", "2", "--root", _t.Root).Exit.Should().Be(0);
        Installed.Problems(_t.Root, 2).Should().BeEmpty();
        Run.Apply(Compiled.SecondFolder, _t.Root).ShouldSucceed().Output.Should().StartWith("nothing to do");

        // Applying generation 1's folder again makes generation 3, with generation 1's files.
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed().Output.Should().Contain("switched to generation 3 (was 2)");
        Installed.Current(_t.Root).SameContent(new GenerationStore(_t.Root).Read(1)!).Should().BeTrue();
    }

    [Fact]
    public void Rollback_reports_a_missing_generation()
    {
        var none = Run.Cli("rollback", "--root", _t.Root);
        none.Exit.Should().Be(2, "rolling back to a generation that does not exist is a usage problem");
        none.Err.Should().Contain("VBM7003").And.Contain("no generation is installed");

        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        var oldest = Run.Cli("rollback", "--root", _t.Root);
        oldest.Exit.Should().Be(2);
        oldest.Err.Should().Contain("VBM7003").And.Contain("generation 1 is the oldest");
        var missing = Run.Cli("rollback", "7", "--root", _t.Root);
        missing.Err.Should().Contain("VBM7003").And.Contain("there is no generation 7");
        Installed.Problems(_t.Root, 1).Should().BeEmpty();
    }

    [Fact]
    public void Unchanged_images_are_shared_between_generations_by_hard_link()
    {
        var qemuImg = HostTools.Require("qemu-img", "qemu-utils");
        // A compile folder with an image, as the image builder writes it: the file, then its manifest entry.
        string WithImage(string folder, string name)
        {
            var copy = Compiled.CopyOf(folder, Path.Combine(_t.Work, name));
            var image = Path.Combine(copy, "alpha.qcow2");
            ProcessRunner.Run(qemuImg, ["create", "-q", "-f", "qcow2", image, "64M"]).ExitCode.Should().Be(0);
            var manifest = Compiled.ManifestOf(copy);
            var entry = new ManifestArtifact("alpha.qcow2", ArtifactKind.DiskImage, CompileFolder.Sha256OfFile(image),
                new FileInfo(image).Length, "0644", "alpha");
            manifest = manifest with
            {
                Artifacts = manifest.Artifacts.Append(entry).OrderBy(a => a.Path, StringComparer.Ordinal).ToList(),
            };
            File.WriteAllText(Path.Combine(copy, "manifest.json"), manifest.ToJson());
            return copy;
        }

        var first = WithImage(Compiled.FirstFolder, "first");
        var second = WithImage(Compiled.SecondFolder, "second");
        File.ReadAllBytes(Path.Combine(first, "alpha.qcow2")).Should().Equal(File.ReadAllBytes(Path.Combine(second, "alpha.qcow2")));
        Run.Apply(first, _t.Root).ShouldSucceed();
        Run.Apply(second, _t.Root).ShouldSucceed();
        var one = _t.At("/var/lib/vbmc/generations/1/files/var/lib/vbmc/alpha/alpha.qcow2");
        var two = _t.At("/var/lib/vbmc/generations/2/files/var/lib/vbmc/alpha/alpha.qcow2");
        ProcessRunner.Run("stat", ["-c", "%i %h", one]).Stdout.Should().Be(ProcessRunner.Run("stat", ["-c", "%i %h", two]).Stdout)
            .And.EndWith(" 2\n");
        File.ReadAllBytes(_t.At("/var/lib/vbmc/alpha/alpha.qcow2")).Should().Equal(File.ReadAllBytes(Path.Combine(second, "alpha.qcow2")));
    }
}
