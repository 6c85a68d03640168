using Vbmc.Diagnostics;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Shell.Tests;

/// <summary>
/// Hostile values, proven by running the script: a folder whose name has spaces, quotes, $, %,
/// a backslash, a comma and a newline; hostile option values; hostile CPU strings (which
/// lowering refuses, so they never reach a script).
/// </summary>
public class HostileValueTests
{
    /// <summary>QEMU's option syntax: a ',' inside a value is written ',,'.</summary>
    private static string Doubled(string path) => path.Replace(",", ",,", StringComparison.Ordinal);

    [Fact]
    public void Script_in_a_hostile_folder_names_its_files_exactly()
    {
        using var folder = ScriptFolder.Hostile(LoweredPlans.Vm("(name 'hostile)"));
        File.WriteAllText(folder.File("hostile.vmlinuz"), "");
        File.WriteAllText(folder.File("hostile.initrd"), "");
        var secrets = folder.File("sec,rets 'x' $y\n.tar");
        var pid = folder.File("qemu,pid");
        var log = folder.File("serial, log");

        var argv = folder.PrintedCommand("--accel", "tcg", "--secrets", secrets, "--pidfile", pid, "--serial-log", log,
            "--", "-name", ScriptFolder.HostileName);

        folder.Path.Should().Contain(",").And.Contain("\n").And.Contain("'").And.Contain("\"").And.Contain("$")
            .And.Contain("%").And.Contain("\\").And.Contain(" ");
        ValueAfter(argv, "-drive", 0).Should().Be($"file={Doubled(folder.File("hostile.qcow2"))},format=qcow2,if=none,id=vbmc-image,snapshot=on");
        ValueAfter(argv, "-drive", 1).Should().Be($"file={Doubled(secrets)},format=raw,if=none,id=vbmc-secrets,readonly=on");
        // -kernel, -initrd, -pidfile and -serial file: take a path as it is (QEMU does not split them).
        ValueAfter(argv, "-kernel", 0).Should().Be(folder.File("hostile.vmlinuz"));
        ValueAfter(argv, "-initrd", 0).Should().Be(folder.File("hostile.initrd"));
        ValueAfter(argv, "-pidfile", 0).Should().Be(pid);
        ValueAfter(argv, "-serial", 0).Should().Be("file:" + log);
        argv.TakeLast(2).Should().Equal("-name", ScriptFolder.HostileName);
    }

    [Fact]
    public void A_relative_secrets_path_is_made_absolute_from_the_working_folder()
    {
        using var folder = ScriptFolder.Hostile(LoweredPlans.Vm("(name 'relative)"));
        // ScriptFolder runs the script from its Root; "a:b" would be a QEMU protocol if left relative.
        var relative = "a:b,c/s $x.tar";
        var argv = folder.PrintedCommand("--accel", "tcg", "--no-pidfile", "--secrets", relative);
        ValueAfter(argv, "-drive", 1).Should().Be($"file={Doubled(folder.Root + "/" + relative)},format=raw,if=none,id=vbmc-secrets,readonly=on");
    }

    [Fact]
    public void Started_through_sh_with_a_relative_path_it_still_finds_its_folder()
    {
        using var folder = ScriptFolder.Hostile(LoweredPlans.Vm("(name 'viash)"));
        var relativeScript = "./" + ScriptFolder.HostileName + "/run-viash.sh";
        var result = ProcessRunner.Run("/bin/sh", [relativeScript, "--print0", "--accel", "tcg", "--no-secrets", "--no-pidfile"], folder.Root);
        result.ExitCode.Should().Be(0, result.Stderr);
        ValueAfter(result.Stdout.Split('\0'), "-drive", 0)
            .Should().Be($"file={Doubled(folder.File("viash.qcow2"))},format=qcow2,if=none,id=vbmc-image,snapshot=on");
    }

    [Theory]
    [InlineData("Skylake Client")]
    [InlineData("Skylake-Client'")]
    [InlineData("x$(id)")]
    [InlineData("a\\nb")]
    [InlineData("a\nb")]
    [InlineData("Westmere,+aes;reboot")]
    [InlineData("")]
    public void A_hostile_cpu_is_refused_at_its_value(string cpu)
    {
        var literal = "\"" + cpu.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        var text = "(use-modules (gnu services virtualization))\n" +
                   "(list (service virtual-build-machine-service-type\n" +
                   "  (virtual-build-machine\n" +
                   "    (cpu " + literal + "))))\n";
        var result = Lowerer.Lower(text, "hostile-cpu.scm", new string('0', 64)); // analysis (QemuCpuModelCheck) refuses it before lowering
        result.Plan.Should().BeNull();
        var error = result.Diagnostics.Should().ContainSingle(d => d.Id == DiagnosticIds.UnknownCpuModel).Subject;
        error.Severity.Should().Be(Severity.Error);
        error.Message.Should().Contain("is not a QEMU CPU model");
        (error.Span.StartLine, error.Span.StartColumn).Should().Be((4, 10), "the error points at the cpu value");
    }

    private static string ValueAfter(IReadOnlyList<string> argv, string flag, int occurrence)
    {
        var seen = 0;
        for (var i = 0; i + 1 < argv.Count; i++)
            if (argv[i] == flag && seen++ == occurrence) return argv[i + 1];
        throw new InvalidOperationException($"{flag} #{occurrence} not in: {string.Join(" | ", argv)}");
    }
}
