using Vbmc.Lowering;
using Vbmc.Services.Checks;

namespace Vbmc.Emitters.Units.Tests;

public class SystemdUnitTests
{
    public static TheoryData<string> ConfigurationFiles => Plans.ConfigurationFileData();

    /// <summary>Installed as vbmc apply installs it: /etc/systemd/system/vbmc-NAME.service.</summary>
    private static string UnitName(VmPlan vm) => $"vbmc-{vm.Name}.service";

    private static IReadOnlyList<string> VerifyAsInstalled(VmPlan vm, string? unitText = null, UnixFileMode scriptMode = (UnixFileMode)0b111_101_101)
    {
        using var root = new TempFolder("verify");
        SystemdTools.InstallUnit(root, UnitName(vm), unitText ?? SystemdEmitter.Unit(vm), []);
        root.Write(vm.InstalledScript, "#!/bin/sh\nexit 0\n", scriptMode);
        return SystemdTools.Verify(root, UnitName(vm));
    }

    [Theory]
    [MemberData(nameof(ConfigurationFiles))]
    public void Verify_is_clean_on_the_unit_of_every_vm_with_and_without_auto_start(string file)
    {
        var plan = Plans.Lower(file);
        if (plan.Vms.Count == 0) plan.BuildMachines.Should().NotBeEmpty("a file without VMs is a machines file");
        foreach (var vm in plan.Vms)
        {
            foreach (var autoStart in new[] { false, true })
            {
                VerifyAsInstalled(vm with { AutoStart = autoStart }).Should().BeEmpty($"{vm.Name} (auto-start {autoStart}) of {file}");
            }
        }
    }

    [Fact]
    public void Verify_as_used_here_catches_a_bad_key_and_a_script_that_cannot_run()
    {
        var vm = Plans.Default;
        var unit = SystemdEmitter.Unit(vm);
        var broken = unit.Replace("[Service]\n", "[Service]\nExecStartt=/bin/true\n", StringComparison.Ordinal);
        VerifyAsInstalled(vm, broken).Should().Contain(l => l.Contains("Unknown key", StringComparison.Ordinal));
        VerifyAsInstalled(vm, scriptMode: (UnixFileMode)0b110_100_100).Should().Contain(l => l.Contains("not executable", StringComparison.Ordinal));
        VerifyAsInstalled(vm, unit.Replace("ProtectSystem=strict", "ProtectSystem=sometimes", StringComparison.Ordinal))
            .Should().Contain(l => l.Contains("sometimes", StringComparison.Ordinal));
    }

    [Fact]
    public void Systemd_reads_every_setting_as_the_unit_means_it()
    {
        var vm = Plans.Default;
        var dump = SystemdTools.Dump(UnitName(vm), SystemdEmitter.Unit(vm));
        dump.Messages.Should().NotContain(UnitName(vm), "systemd warns about no line of the unit");
        dump["Description"].Should().Be("vbmc virtual build machine build-vm, clock from 2020-01-01T00:00:00 UTC");
        dump.All("After").Should().Contain(a => a.StartsWith("network.target ", StringComparison.Ordinal));
        dump.ExecStart.Should().ContainSingle().Which.Should().Equal("/var/lib/vbmc/build-vm/run-build-vm.sh");
        dump["Type"].Should().Be("exec");
        dump["User"].Should().Be("build-vm-build-vm");
        dump["Group"].Should().Be("build-vm-build-vm");
        dump["SupplementaryGroups"].Should().Be("kvm");
        dump["Environment"].Should().Be("TMPDIR=/tmp");
        dump["Restart"].Should().Be("on-failure");
        dump["KillMode"].Should().Be("mixed");
        dump["KillSignal"].Should().Be("SIGTERM");
        dump["TimeoutStopSec"].Should().Be("30s");
        dump["ProtectSystem"].Should().Be("strict");
        dump["ProtectHome"].Should().Be("yes");
        dump["PrivateTmp"].Should().Be("yes");
        dump["ReadWritePaths"].Should().Be("/var/lib/vbmc/build-vm/run");
        dump["PrivateDevices"].Should().Be("no");
        dump["DevicePolicy"].Should().Be("closed");
        dump.All("DeviceAllow").Should().Contain("/dev/kvm rw");
        dump["CapabilityBoundingSet"].Should().Be("");
        dump["ProtectKernelTunables"].Should().Be("yes");
        dump["ProtectKernelModules"].Should().Be("yes");
        dump["ProtectControlGroups"].Should().Be("yes");
        dump["RestrictSUIDSGID"].Should().Be("yes");
        dump["RestrictRealtime"].Should().Be("yes");
        dump["LockPersonality"].Should().Be("yes");
        dump["MemoryDenyWriteExecute"].Should().Be("no", "TCG runs the code it writes");
    }

    [Fact]
    public void Only_an_auto_start_vm_is_wanted_by_multi_user_target()
    {
        foreach (var vm in new[] { Plans.Default, Plans.AutoStart })
        {
            using var root = new TempFolder("enable");
            SystemdTools.InstallUnit(root, UnitName(vm), SystemdEmitter.Unit(vm), [vm.InstalledScript]);
            var result = Vbmc.TestSupport.ProcessRunner.Run(SystemdTools.Systemctl, ["--root=" + root.Path, "enable", UnitName(vm)]);
            var wants = root.Inside("/etc/systemd/system/multi-user.target.wants/" + UnitName(vm));
            File.Exists(wants).Should().Be(vm.AutoStart, $"{vm.Name}: {result.Stdout}{result.Stderr}");
            SystemdEmitter.Unit(vm).Contains("[Install]", StringComparison.Ordinal).Should().Be(vm.AutoStart);
        }
    }

    [Fact]
    public void Hostile_values_reach_systemd_exactly_through_the_writer()
    {
        string[] words = ["/opt/my tools/run $x %n ;#`é.sh", "a b", "q\"uote", "single'quote", "$HOME $$", "%n %% %",
            "back\\slash", "trailing\\", "new\nline", "tab\tcr\r", "\x01ctl", "é中😀", "", ";", "a`b"];
        const string Path = "/var/lib/a b\"c'd$e%f\\g`h;i#j é";
        const string Description = "vm \"x\" 'y' $HOME %n 100% \\ back\nslash and\ttab";
        var unit = new SystemdUnitWriter()
            .Comment("hostile # comment \\ with\nnewline")
            .Section("Unit")
            .Text("Description", Description)
            .Section("Service")
            .Command("ExecStart", words)
            .Paths("ReadWritePaths", [Path])
            .Environment("Environment", [new("TMPDIR", "/tmp/x \"y\" 'z' $HOME %n \\ é")])
            .ToString();
        var dump = SystemdTools.Dump("hostile.service", unit);
        dump.Messages.Should().NotContain("hostile.service");
        dump["Description"].Should().Be("vm \"x\" 'y' $HOME %n 100% \\ back slash and tab");
        // systemd keeps "$$" in the parsed arguments and turns it into "$" when it runs the
        // command (systemd.service(5): "use $$ for a literal dollar sign"); the program path is
        // never substituted, so it keeps its '$' as is.
        dump.ExecStart.Should().ContainSingle().Which.Should().Equal(
            words.Skip(1).Select(w => w.Replace("$", "$$", StringComparison.Ordinal)).Prepend(words[0]));
        dump["ReadWritePaths"].Should().Be(Path);
        dump["Environment"].Should().Be("TMPDIR=/tmp/x \"y\" 'z' $HOME %n \\ é");
    }

    [Fact]
    public void Values_a_unit_cannot_hold_are_refused_not_mangled()
    {
        var writer = new SystemdUnitWriter().Section("Service");
        FluentActions.Invoking(() => writer.Paths("ReadWritePaths", ["/a\nb"])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => writer.Text("Description", "ends with \\")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => writer.Command("ExecStart", ["relative/run.sh"])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => writer.Command("ExecStart", ["/opt/\"quoted\"/run.sh"])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => writer.Command("ExecStart", ["/bin/x", "nul\0"])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => writer.Accounts("User", ["bad user"])).Should().Throw<ArgumentException>();
    }

    /// <summary>
    /// The name is restricted by check (BuildVmNameCheck) to a-z, 0-9, '_' and '-'; the unit must
    /// still be right for any name systemd can express in a program path (no quotes, backslashes
    /// or control characters: systemd refuses those in ExecStart's program).
    /// </summary>
    [Fact]
    public void A_vm_name_with_special_characters_gives_a_unit_that_verifies_and_reads_back()
    {
        const string Name = "a b$c%d;e#f`g é";
        var vm = Plans.Default with { Name = Name };
        using (var root = new TempFolder("verify"))
        {
            // Installed under an ordinary unit name: the unit's text does not depend on it.
            SystemdTools.InstallUnit(root, "vbmc-hostile.service", SystemdEmitter.Unit(vm), [vm.InstalledScript]);
            SystemdTools.Verify(root, "vbmc-hostile.service").Should().BeEmpty();
        }
        var dump = SystemdTools.Dump("hostile.service", SystemdEmitter.Unit(vm));
        dump.ExecStart.Should().ContainSingle().Which.Should().Equal(vm.InstalledScript);
        dump["ReadWritePaths"].Should().Be(vm.RuntimeDirectory);
        dump["Description"].Should().Be($"vbmc virtual build machine {Name}, clock from 2020-01-01T00:00:00 UTC");
        FluentActions.Invoking(() => SystemdEmitter.Unit(Plans.Default with { Name = "a\"b" })).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_newline_in_a_vm_name_never_reaches_the_emitter_and_would_be_refused()
    {
        BuildVmNameCheck.IsValidName("a\nb").Should().BeFalse("check rejects the name before lowering");
        FluentActions.Invoking(() => SystemdEmitter.Emit(Plans.Default with { Name = "a\nb" })).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Emit_gives_the_unit_sysusers_and_tmpfiles_files_at_their_layout_paths()
    {
        var artifacts = SystemdEmitter.Emit(Plans.Default);
        artifacts.Select(a => (a.RelativePath, a.Kind, a.Mode)).Should().Equal(
            ("systemd/build-vm.service", ArtifactKind.SystemdUnit, Artifact.Regular),
            ("sysusers.d/vbmc-build-vm.conf", ArtifactKind.Sysusers, Artifact.Regular),
            ("tmpfiles.d/vbmc-build-vm.conf", ArtifactKind.Tmpfiles, Artifact.Regular));
        artifacts.Should().OnlyContain(a => a.Content.Length > 0 && a.Content.Last() == (byte)'\n');
    }
}
