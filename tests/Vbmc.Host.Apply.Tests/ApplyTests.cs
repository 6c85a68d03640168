using System.Text;
using Vbmc.Host.Apply.Tests.Support;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Host.Apply.Tests;

/// <summary>`vbmc apply` of a compiled configuration onto a --root folder, with the real host tools.</summary>
[Collection(CompiledCollection.Name)]
public sealed class ApplyTests : IDisposable
{
    private readonly TestRoot _t = new();

    public void Dispose() => _t.Dispose();

    /// <summary>Mode and owner of a path (of the file a symlink leads to).</summary>
    private static (string Mode, uint Uid, uint Gid) Stat(string path)
    {
        var result = ProcessRunner.Run("stat", ["-L", "-c", "%a %u %g", path]);
        result.ExitCode.Should().Be(0, result.Stderr);
        var f = result.Stdout.Trim().Split(' ');
        return (f[0], uint.Parse(f[1]), uint.Parse(f[2]));
    }

    private string[] PasswdEntry(string user) =>
        File.ReadAllLines(_t.At("/etc/passwd")).Select(l => l.Split(':')).Single(f => f[0] == user);

    private string[] GroupEntry(string group) =>
        File.ReadAllLines(_t.At("/etc/group")).Select(l => l.Split(':')).Single(f => f[0] == group);

    [Fact]
    public void Installs_every_artifact_as_a_link_into_the_current_generation_with_the_artifact_bytes()
    {
        HostTools.Require("systemd-sysusers", "systemd");
        HostTools.Require("ssh-keygen", "openssh-client");
        var folder = Compiled.FirstFolder;
        var outcome = Run.Apply(folder, _t.Root).ShouldSucceed();
        outcome.Output.Should().Contain("switched to generation 1");
        Installed.Problems(_t.Root, 1).Should().BeEmpty();

        var manifest = Compiled.ManifestOf(folder);
        foreach (var artifact in manifest.Artifacts.Where(a => a.Kind != ArtifactKind.NixMachines))
        {
            var installed = _t.At(ArtifactCatalog.Standard.Of(artifact.Kind)!.InstalledPath(artifact.Vm, artifact.Path));
            File.ReadAllBytes(installed).Should().Equal(File.ReadAllBytes(Path.Combine(folder, artifact.Path)), artifact.Path);
            Stat(installed).Mode.PadLeft(4, '0').Should().Be(artifact.Mode, artifact.Path);
        }
        // The paths of the issue: scripts under /var/lib/vbmc/NAME, units prefixed vbmc-.
        File.Exists(_t.At("/var/lib/vbmc/alpha/run-alpha.sh")).Should().BeTrue();
        File.Exists(_t.At("/etc/systemd/system/vbmc-alpha.service")).Should().BeTrue();
        File.Exists(_t.At("/etc/sysusers.d/vbmc-alpha.conf")).Should().BeTrue();
        File.Exists(_t.At("/etc/tmpfiles.d/vbmc-alpha.conf")).Should().BeTrue();
        File.Exists(_t.At("/etc/vbmc/shepherd/alpha.scm")).Should().BeTrue();
        File.Exists(_t.At("/var/lib/vbmc/alpha/libvirt.xml")).Should().BeTrue("beside the image it names");
        File.Exists(_t.At("/etc/guix/machines.scm")).Should().BeTrue();
        // The generation keeps the manifest where `vbmc test` reads it.
        File.ReadAllBytes(_t.At("/var/lib/vbmc/current/manifest.json")).Should().Equal(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
    }

    [Fact]
    public void An_account_a_simple_service_adds_is_made_on_the_host_and_the_vm_account_is_upstreams()
    {
        HostTools.Require("systemd-sysusers", "systemd");
        // The fold is what is installed: the account extension of a simple-service of the
        // configuration becomes a host account, as on a Guix System.
        var folder = Compiled.Compile("""
            (use-modules (gnu services) (gnu system shadow) (gnu services virtualization))
            (list (service virtual-build-machine-service-type (virtual-build-machine (name 'alpha)))
                  (simple-service 'vm-watchers account-service-type
                    (list (user-group (name "vm-watchers") (system? #t))
                          (user-account (name "vm-watcher") (group "vm-watchers") (supplementary-groups '("kvm"))
                                        (comment "Watches the build VMs") (home-directory "/var/empty")
                                        (shell "/usr/sbin/nologin") (system? #t)))))
            """, "watchers.scm", $"watchers-{Guid.NewGuid():N}");
        Run.Apply(folder, _t.Root).ShouldSucceed();
        var watcher = PasswdEntry("vm-watcher");
        watcher[4].Should().Be("Watches the build VMs");
        watcher[3].Should().Be(GroupEntry("vm-watchers")[2], "its primary group");
        GroupEntry("kvm")[3].Split(',').Should().Contain(["vm-watcher", "build-vm-alpha"]);
        PasswdEntry("build-vm-alpha")[4].Should().Be("Privilege separation user for the virtual build machine");
        File.ReadAllText(_t.At("/etc/sysusers.d/vbmc.conf")).Should().Contain("u vm-watcher -:vm-watchers");
        // Applying again finds nothing missing.
        Run.Apply(folder, _t.Root).ShouldSucceed().Output.Should().Contain("nothing to do");
    }

    [Fact]
    public void Auto_start_VMs_are_enabled_as_systemd_itself_sees_it()
    {
        var systemctl = HostTools.Require("systemctl", "systemd");
        Run.Apply(Compiled.SecondFolder, _t.Root).ShouldSucceed();
        ProcessRunner.Run(systemctl, ["--root=" + _t.Root, "is-enabled", "vbmc-alpha.service"]).Stdout.Trim().Should().Be("enabled");
        // beta has no auto-start: linked (installed) but not enabled.
        ProcessRunner.Run(systemctl, ["--root=" + _t.Root, "is-enabled", "vbmc-beta.service"]).Stdout.Trim().Should().NotBe("enabled");
    }

    [Fact]
    public void Makes_accounts_folders_and_secrets_with_their_owners_and_modes()
    {
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        var user = PasswdEntry("build-vm-alpha");
        user[5].Should().Be("/var/empty");
        user[6].Should().EndWith("nologin");
        var uid = uint.Parse(user[2]);
        var gid = uint.Parse(GroupEntry("build-vm-alpha")[2]);
        uint.Parse(user[3]).Should().Be(gid);
        GroupEntry("kvm")[3].Split(',').Should().Contain("build-vm-alpha");

        // Open folders: guix offload, run by the unprivileged guix-daemon account, reads the pid
        // file and the public host key; every private file has its own mode.
        Stat(_t.At("/etc/vbmc/alpha")).Should().Be(("755", 0u, 0u));
        Stat(_t.At("/var/lib/vbmc/alpha/run")).Should().Be(("755", uid, gid));
        Stat(_t.At(InstallLayout.GuestHostKey("alpha"))).Should().Be(("600", uid, gid));
        Stat(_t.At(InstallLayout.GuestHostPublicKey("alpha"))).Should().Be(("644", uid, gid));
        Stat(_t.At(InstallLayout.OffloadKey("alpha"))).Should().Be(("600", 0u, 0u));
        Stat(_t.At(InstallLayout.OffloadPublicKey("alpha"))).Should().Be(("644", 0u, 0u));
        Stat(_t.At(InstallLayout.SecretsDrive("alpha"))).Should().Be(("600", uid, gid));
        Stat(_t.At(InstallLayout.GuixSigningKey("alpha"))).Should().Be(("600", 0u, 0u));
        Stat(_t.At(InstallLayout.GuixSigningPublicKey("alpha"))).Should().Be(("644", 0u, 0u));

        // Real ed25519 keys whose public halves match the private ones.
        var sshKeygen = HostTools.Require("ssh-keygen", "openssh-client");
        foreach (var key in new[] { InstallLayout.GuestHostKey("alpha"), InstallLayout.OffloadKey("alpha") })
        {
            var derived = ProcessRunner.Run(sshKeygen, ["-y", "-f", _t.At(key)]);
            derived.ExitCode.Should().Be(0, derived.Stderr);
            File.ReadAllText(_t.At(key + ".pub")).Split(' ')[..2].Should().Equal(derived.Stdout.Trim().Split(' ')[..2]);
        }
        File.ReadAllText(_t.At(InstallLayout.GuestHostPublicKey("alpha"))).Should().StartWith("ssh-ed25519 ").And.Contain("vbmc-alpha-host");
        // Secrets are never inside a generation.
        Directory.EnumerateFiles(_t.At("/var/lib/vbmc/generations"), "*", SearchOption.AllDirectories)
            .Should().NotContain(f => f.Contains("ssh_host") || f.Contains("offload_ed25519") || f.EndsWith("secrets.tar"));
    }

    [Fact]
    public void Keys_are_made_where_and_for_whom_the_folds_vbmc_secret_records_say()
    {
        // A service type whose vbmc-secret extension puts the guest's host key, root's, in
        // another file: apply makes it there, the drive holds it, and the layout's file is not made.
        var folder = Compiled.Compile(KeyedBuildVm.WithSecrets(KeyedBuildVm.RootOwnedHostKey), "keys.scm", $"keys-{Guid.NewGuid():N}");
        Run.Apply(folder, _t.Root).ShouldSucceed();
        Stat(_t.At("/etc/vbmc/keys/guest_host_key")).Should().Be(("600", 0u, 0u));
        Stat(_t.At("/etc/vbmc/keys/guest_host_key.pub")).Should().Be(("644", 0u, 0u));
        File.Exists(_t.At(InstallLayout.GuestHostKey("keys"))).Should().BeFalse();
        using (var drive = File.OpenRead(_t.At(InstallLayout.SecretsDrive("keys"))))
            SecretsDrive.Read(drive)[SecretsDrive.HostKeyEntry].Should().Be(File.ReadAllText(_t.At("/etc/vbmc/keys/guest_host_key")));
        File.ReadAllText(_t.At(InstallLayout.KnownHosts("keys"))).Should().StartWith("vbmc-keys ssh-ed25519 ");
        Run.Apply(folder, _t.Root).ShouldSucceed().Output.Should().Contain("nothing to do");
    }

    [Fact]
    public void A_store_disk_is_made_once_empty_and_the_vms_and_kept()
    {
        var qemuImg = HostTools.Require("qemu-img", "qemu-utils");
        var folder = Compiled.Compile("""
            (use-modules (gnu services virtualization))
            (list (service virtual-build-machine-service-type (virtual-build-machine (name 'kept) (store-disk-size (expt 2 30)))))
            """, "kept.scm", $"kept-{Guid.NewGuid():N}");
        Run.Apply(folder, _t.Root, dryRun: true).ShouldSucceed().Output.Should().Contain("  disk    /var/lib/vbmc/kept/store/store.qcow2");
        Run.Apply(folder, _t.Root).ShouldSucceed().Output.Should().Contain("/var/lib/vbmc/kept/store/store.qcow2 (1024 MiB, empty)");
        var uid = uint.Parse(PasswdEntry("build-vm-kept")[2]);
        var gid = uint.Parse(GroupEntry("build-vm-kept")[2]);
        Stat(_t.At("/var/lib/vbmc/kept/store")).Should().Be(("700", uid, gid));
        Stat(_t.At("/var/lib/vbmc/kept/store/store.qcow2")).Should().Be(("600", uid, gid));
        ProcessRunner.Run(qemuImg, ["info", "--output=json", _t.At("/var/lib/vbmc/kept/store/store.qcow2")]).Stdout
            .Should().Contain("\"virtual-size\": 1073741824");
        // Kept as it is: the guest's data is there.
        File.AppendAllText(_t.At("/var/lib/vbmc/kept/store/store.qcow2"), "");
        var before = File.GetLastWriteTimeUtc(_t.At("/var/lib/vbmc/kept/store/store.qcow2"));
        Run.Apply(folder, _t.Root).ShouldSucceed().Output.Should().Contain("nothing to do");
        File.GetLastWriteTimeUtc(_t.At("/var/lib/vbmc/kept/store/store.qcow2")).Should().Be(before);
        Directory.EnumerateFiles(_t.At("/var/lib/vbmc/generations"), "*", SearchOption.AllDirectories)
            .Should().NotContain(f => f.EndsWith("store.qcow2"), "the disk is state, not part of a generation");

        // A new size is said, not done: resizing would need the guest's file system grown too.
        var larger = Compiled.Compile("""
            (use-modules (gnu services virtualization))
            (list (service virtual-build-machine-service-type (virtual-build-machine (name 'kept) (store-disk-size (* 2 (expt 2 30))))))
            """, "kept.scm", $"kept-{Guid.NewGuid():N}");
        Run.Apply(larger, _t.Root).ShouldSucceed().Output.Should()
            .Contain("note: the store disk /var/lib/vbmc/kept/store/store.qcow2 is 1024 MiB and stays so (store-disk-size says 2048 MiB)");
        File.GetLastWriteTimeUtc(_t.At("/var/lib/vbmc/kept/store/store.qcow2")).Should().Be(before);
    }

    [Fact]
    public void The_secrets_drive_holds_the_host_key_pair_the_offload_key_and_the_guests_guix_keys()
    {
        const string hostDaemonKey = "(public-key \n (ecc \n  (curve Ed25519)\n  (q #8D156F295D24B0D9A86FA5741A840FF2D24F60F7B6C4134814AD55625971B394#)\n  )\n )\n";
        _t.Write(HostPaths.GuixSigningKey, hostDaemonKey);
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        using var drive = File.OpenRead(_t.At(InstallLayout.SecretsDrive("alpha")));
        var entries = SecretsDrive.Read(drive);
        entries.Keys.Should().BeEquivalentTo(SecretsDrive.HostKeyEntry, SecretsDrive.HostPublicKeyEntry, SecretsDrive.AuthorizedKeysEntry,
            SecretsDrive.GuixSigningPublicKeyEntry, SecretsDrive.GuixSigningKeyEntry, SecretsDrive.GuixAclEntry);
        entries[SecretsDrive.HostKeyEntry].Should().Be(File.ReadAllText(_t.At(InstallLayout.GuestHostKey("alpha"))));
        entries[SecretsDrive.HostKeyEntry].Should().Contain("OPENSSH PRIVATE KEY");
        entries[SecretsDrive.HostPublicKeyEntry].Should().Be(File.ReadAllText(_t.At(InstallLayout.GuestHostPublicKey("alpha"))));
        entries[SecretsDrive.AuthorizedKeysEntry].Should().Be(File.ReadAllText(_t.At(InstallLayout.OffloadPublicKey("alpha"))));
        entries[SecretsDrive.GuixSigningKeyEntry].Should().Be(File.ReadAllText(_t.At(InstallLayout.GuixSigningKey("alpha"))));
        entries[SecretsDrive.GuixSigningPublicKeyEntry].Should().Be(File.ReadAllText(_t.At(InstallLayout.GuixSigningPublicKey("alpha"))));
        // The guest trusts the host daemon's key, and only it.
        entries[SecretsDrive.GuixAclEntry].Should().Contain("8D156F295D24B0D9A86FA5741A840FF2D24F60F7B6C4134814AD55625971B394")
            .And.Contain("(guix import)");
        entries[SecretsDrive.GuixAclEntry].Split("(entry").Should().HaveCount(2);
    }

    [Fact]
    public void A_host_with_guix_authorizes_each_guests_signing_key_once_and_keeps_its_own_entries()
    {
        const string acl = "(acl\n (entry\n  (public-key\n   (ecc\n    (curve Ed25519)\n    (q #7D602902D3A2DBB83F8A0FB98602A754C5493B0B778C8D1DD4E0F41DE14DE34F#)\n    )\n   )\n  (tag\n   (guix import)\n   )\n  )\n )\n";
        _t.Write(GuixAcl.HostFile, acl);
        File.SetUnixFileMode(_t.At(GuixAcl.HostFile), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Run.Apply(Compiled.SecondFolder, _t.Root).ShouldSucceed();
        var text = File.ReadAllText(_t.At(GuixAcl.HostFile));
        text.Should().Contain("7D602902D3A2DBB83F8A0FB98602A754C5493B0B778C8D1DD4E0F41DE14DE34F", "the host's own entries stay");
        foreach (var vm in new[] { "alpha", "beta" })
        {
            var point = GuixSigningKey.PointOf(File.ReadAllText(_t.At(InstallLayout.GuixSigningPublicKey(vm))))!;
            GuixAcl.Authorizes(text, point).Should().BeTrue($"{vm}'s results are imported by the host");
        }
        Stat(_t.At(GuixAcl.HostFile)).Should().Be(("644", 0u, 0u));
        Run.Apply(Compiled.SecondFolder, _t.Root).ShouldSucceed();
        File.ReadAllText(_t.At(GuixAcl.HostFile)).Should().Be(text, "a key already authorized is not added again");
    }

    [Fact]
    public void A_host_without_guix_keeps_no_acl_and_its_offload_keys_are_roots_alone()
    {
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        File.Exists(_t.At(GuixAcl.HostFile)).Should().BeFalse("a host without /etc/guix has no guix-daemon to trust anything");
        Stat(_t.At(InstallLayout.OffloadKey("alpha"))).Should().Be(("600", 0u, 0u));
    }

    [Fact]
    public void Where_guix_daemon_runs_unprivileged_it_can_read_the_offload_key()
    {
        // Debian's guix package makes the account guix-daemon (systemd-sysusers), and its daemon
        // runs guix offload as that account.
        _t.Write("/etc/group", "root:x:0:\nguix-daemon:x:994:\n");
        _t.Write("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nguix-daemon:x:994:994:Unprivileged Guix Daemon User:/var/empty:/usr/sbin/nologin\n");
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        // Owned by guix-daemon, mode 0600: OpenSSH run by root (nix-daemon) refuses a key that a
        // group can read when root owns it, and cares not when another account does.
        Stat(_t.At(InstallLayout.OffloadKey("alpha"))).Should().Be(("600", 994u, 0u));
        Stat(_t.At(InstallLayout.GuestHostKey("alpha"))).Item1.Should().Be("600", "the guest's host key stays its account's alone");
    }

    [Fact]
    public void Nix_machines_carries_the_generated_host_key()
    {
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        var publicKey = File.ReadAllText(_t.At(InstallLayout.GuestHostPublicKey("alpha"))).Trim();
        var lines = File.ReadAllLines(_t.At("/etc/nix/machines")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var line = lines.Should().ContainSingle().Subject.Split(' ');
        line[0].Should().Be("ssh-ng://offload@vbmc-alpha");
        // The alias is installed for root's ssh, and the host key under the alias.
        File.ReadAllText(_t.At(InstallLayout.SshConfigFile)).Should().Contain("Host vbmc-alpha\n  HostName 127.0.0.1\n  Port 11022\n");
        File.ReadAllText(_t.At(InstallLayout.KnownHosts("alpha"))).Should().Be($"vbmc-alpha {publicKey}\n");
        line[2].Should().Be(InstallLayout.OffloadKey("alpha"));
        Encoding.UTF8.GetString(Convert.FromBase64String(line[7])).Should().Be(publicKey);
        // Everything else is compile's file as it is.
        var compiled = File.ReadAllText(Path.Combine(Compiled.FirstFolder, "nix/machines"));
        File.ReadAllText(_t.At("/etc/nix/machines")).Should().Be(compiled.Replace(string.Join(' ', line[..7]) + " -", string.Join(' ', line)));
    }

    [Fact]
    public void Guix_machines_scm_loads_in_guile_and_gives_the_real_host_key_while_the_VM_runs()
    {
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed();
        var publicKey = File.ReadAllText(_t.At(InstallLayout.GuestHostPublicKey("alpha"))).Trim();

        // Not running: no pid file, so no machine.
        GuixMachines.Load(_t.Root).Should().BeEmpty();

        // "Running": QEMU's pid file holds a live pid (this test process's own).
        File.WriteAllText(_t.At(InstallLayout.PidFile("alpha")), Environment.ProcessId + "\n");
        var machine = GuixMachines.Load(_t.Root).Should().ContainSingle().Subject;
        machine["host-key"].Should().Be(publicKey);
        machine["name"].Should().Be("127.0.0.1");
        machine["port"].Should().Be("11022");
        machine["private-key"].Should().Be(InstallLayout.OffloadKey("alpha"));
    }

    [Fact]
    public void Warns_when_the_generations_are_on_another_file_system_than_the_units()
    {
        Run.Apply(Compiled.FirstFolder, _t.Root).ShouldSucceed().Diagnostics.Should().BeEmpty("one file system: no warning");
        BootCheck.UnitsOnAnotherFileSystem(_t.Root).Should().BeNull();

        // A tmpfs mounted at R/var/lib/vbmc: another file system than the temporary root's, as a
        // separate /var would be. (A link to another file system no longer does: links under
        // --root resolve inside it.)
        using var other = new TestRoot();
        Directory.CreateDirectory(other.At("/etc/systemd/system"));
        var state = other.At("/var/lib/vbmc");
        Directory.CreateDirectory(Path.Combine(state));
        var mount = ProcessRunner.Run("mount", ["-t", "tmpfs", "vbmc-test", state]);
        mount.ExitCode.Should().Be(0, "the test mounts a tmpfs (it runs as root, as CI does): " + mount.Stderr);
        try
        {
            Directory.CreateDirectory(Path.Combine(state, "generations"));
            var warning = BootCheck.UnitsOnAnotherFileSystem(other.Root);
            warning.Should().NotBeNull();
            warning!.Severity.Should().Be(Vbmc.Diagnostics.Severity.Warning);
            warning.Message.Should().Contain("/var/lib/vbmc is on another file system than /etc/systemd/system");
        }
        finally
        {
            ProcessRunner.Run("umount", [state]).ExitCode.Should().Be(0);
        }
    }

    [Fact]
    public void Works_under_a_root_and_from_a_folder_with_hostile_names()
    {
        const string Hostile = "a b 'q' \"d\" $x %d \\ , ; * \n end";
        var root = Path.Combine(_t.Work, "root " + Hostile);
        Directory.CreateDirectory(root);
        var folder = Compiled.CopyOf(Compiled.FirstFolder, Path.Combine(_t.Work, "compiled " + Hostile));
        var result = Run.Cli("apply", folder, "--root", root);
        result.Exit.Should().Be(0, result.Err);
        Installed.Problems(root, 1).Should().BeEmpty();
        File.Exists(Path.Combine(root, "etc/vbmc/alpha/secrets.tar")).Should().BeTrue();
        File.ReadAllLines(Path.Combine(root, "etc/passwd")).Should().Contain(l => l.StartsWith("build-vm-alpha:"));
        Run.Cli("apply", folder, "--root", root).Out.Should().StartWith("nothing to do");
    }

    [Fact]
    public void A_VM_named_like_a_host_service_never_replaces_the_hosts_unit()
    {
        var folder = Compiled.Compile(Compiled.First.Replace("'alpha", "'ssh"), "ssh.scm", $"ssh-{Guid.NewGuid():N}");
        _t.Write("/etc/systemd/system/ssh.service", "[Service]\nExecStart=/usr/sbin/sshd -D\n");
        Run.Apply(folder, _t.Root).ShouldSucceed();
        File.ReadAllText(_t.At("/etc/systemd/system/ssh.service")).Should().Be("[Service]\nExecStart=/usr/sbin/sshd -D\n");
        File.Exists(_t.At("/etc/systemd/system/vbmc-ssh.service")).Should().BeTrue();
    }
}
