using Vbmc.Host.Apply.Tests.Support;

namespace Vbmc.Host.Apply.Tests;

/// <summary>A person's files: machine files are kept and merged, anything else at our paths stops apply.</summary>
[Collection(CompiledCollection.Name)]
public sealed class MergeTests : IDisposable
{
    private readonly TestRoot _t = new();

    public void Dispose() => _t.Dispose();

    private const string PersonNix =
        "# my builders\nssh://me@builder.example.org x86_64-linux /root/.ssh/id_builder 4 2 kvm - -\n";

    private const string PersonGuix = """
        ;; my build machines
        (list (build-machine
               (name "builder.example.org")
               (systems (list "x86_64-linux"))
               (user "me")
               (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ+person me@builder")
               (private-key "/root/.ssh/id_builder")))
        """;

    [Fact]
    public void A_persons_machine_files_are_kept_and_merged()
    {
        _t.Write("/etc/nix/machines", PersonNix);
        _t.Write("/etc/guix/machines.scm", PersonGuix);
        var outcome = Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        outcome.Output.Should().Contain("merge   /etc/nix/machines: your file is kept as /etc/nix/machines.vbmc-orig")
            .And.Contain("merge   /etc/guix/machines.scm: your file is kept as /etc/guix/machines.scm.vbmc-orig");
        Installed.Problems(_t.Root, 1).Should().BeEmpty();

        File.ReadAllText(_t.At("/etc/nix/machines.vbmc-orig")).Should().Be(PersonNix);
        File.ReadAllText(_t.At("/etc/guix/machines.scm.vbmc-orig")).Should().Be(PersonGuix);

        // nix: the person's lines first, then vbmc's with the real host key.
        var nix = File.ReadAllText(_t.At("/etc/nix/machines"));
        nix.IndexOf(PersonNix, StringComparison.Ordinal).Should().BeGreaterThan(0);
        var machines = nix.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        machines.Should().HaveCount(2);
        machines[0].Should().StartWith("ssh://me@builder.example.org ");
        machines[1].Should().StartWith("ssh-ng://offload@vbmc-").And.NotEndWith(" -");

        // guix: the wrapper loads the person's file, then vbmc's (installed at /etc/vbmc/guix-machines.scm).
        File.ReadAllText(_t.At("/etc/vbmc/guix-machines.scm")).Should().Be(File.ReadAllText(Path.Combine(Compiled.FirstFolder, "machines.scm")));
        File.WriteAllText(_t.At("/var/lib/vbmc/alpha/run/qemu.pid"), Environment.ProcessId.ToString());
        var loaded = GuixMachines.Load(_t.Root);
        loaded.Select(m => m["name"]).Should().Equal("builder.example.org", "127.0.0.1");
        loaded[0]["user"].Should().Be("me");
        loaded[1]["host-key"].Should().Be(File.ReadAllText(_t.At("/etc/vbmc/alpha/ssh_host_ed25519_key.pub")).Trim());

        // A second apply keeps the same merge; the person edits their kept file, the next apply takes it.
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed().Output.Should().StartWith("nothing to do");
        File.AppendAllText(_t.At("/etc/nix/machines.vbmc-orig"), "ssh://me@second.example.org aarch64-linux - 1 1 - - -\n");
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed().Output.Should().Contain("change  /etc/nix/machines");
        File.ReadAllText(_t.At("/etc/nix/machines")).Should().Contain("ssh://me@second.example.org");
    }

    [Fact]
    public void Rollback_keeps_the_persons_machine_file_kept_and_merged()
    {
        _t.Write("/etc/nix/machines", PersonNix);
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        Run.Apply(Compiled.SecondFolder, _t.Root).ShouldSucceed();
        Run.Rollback(_t.Root).ShouldSucceed();
        File.ReadAllText(_t.At("/etc/nix/machines")).Should().StartWith("# /etc/nix/machines: written by vbmc apply");
        File.ReadAllText(_t.At("/etc/nix/machines.vbmc-orig")).Should().Be(PersonNix);
    }

    [Fact]
    public void A_persons_file_at_a_unit_or_script_path_stops_apply_and_nothing_changes()
    {
        _t.Write("/etc/systemd/system/vbmc-alpha.service", "[Service]\nExecStart=/bin/true\n");
        _t.Write("/var/lib/vbmc/alpha/run-alpha.sh", "#!/bin/sh\n");
        var before = Tree.Take(_t.Root);
        var result = Run.Cli("apply", Compiled.FirstFolder, "--root", _t.Root);
        result.Exit.Should().Be(2, "a file of the host in the way is an environment problem");
        result.Err.Should().Contain("VBM7002")
            .And.Contain("/etc/systemd/system/vbmc-alpha.service exists and was not installed by vbmc")
            .And.Contain("/var/lib/vbmc/alpha/run-alpha.sh exists");
        // Only the lock file of /var/lib/vbmc was made.
        Tree.Take(_t.Root).Where(e => e.Key != "var/lib/vbmc/.lock").Should().Equal(before);
    }

    [Fact]
    public void A_persons_new_machine_file_when_one_is_already_kept_is_a_conflict()
    {
        _t.Write("/etc/nix/machines", PersonNix);
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        File.Delete(_t.At("/etc/nix/machines"));
        _t.Write("/etc/nix/machines", "ssh://me@other.example.org x86_64-linux - 1 1 - - -\n");
        var result = Run.Apply(Compiled.SecondFolder, _t.Root);
        result.Errors.Should().ContainSingle(d => d.Id == "VBM7002" && d.Message.Contains("/etc/nix/machines.vbmc-orig"), result.Describe());
        new GenerationStore(_t.Root).Current.Should().Be(1);
        File.ReadAllText(_t.At("/etc/nix/machines")).Should().StartWith("ssh://me@other.example.org");
    }

    [Fact]
    public void A_machine_file_no_longer_installed_gives_the_person_their_file_back()
    {
        _t.Write("/etc/nix/machines", PersonNix);
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        // A configuration without VMs or machines compiles to no machine files.
        var empty = Compiled.Compile("(list)", "empty.scm", $"empty-{Guid.NewGuid():N}");
        File.Exists(Path.Combine(empty, "nix/machines")).Should().BeFalse("this test needs a folder without machine files");
        Run.Apply(empty, _t.Root).ShouldSucceed().Output.Should().Contain("restore /etc/nix/machines");
        File.ReadAllText(_t.At("/etc/nix/machines")).Should().Be(PersonNix);
        new FileInfo(_t.At("/etc/nix/machines")).LinkTarget.Should().BeNull();
        File.Exists(_t.At("/etc/nix/machines.vbmc-orig")).Should().BeFalse();
        // And back: kept and merged again.
        Run.Rollback(_t.Root).ShouldSucceed();
        File.ReadAllText(_t.At("/etc/nix/machines.vbmc-orig")).Should().Be(PersonNix);
        Installed.Problems(_t.Root, 1).Should().BeEmpty();
    }
}
