using System.Text.RegularExpressions;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Shell.Tests;

/// <summary>
/// The accelerator choice: the probe guest really runs (under TCG it must succeed), and on a
/// host without hardware virtualisation (these machines: /dev/kvm exists but the CPU has no
/// vmx/svm) auto picks TCG and says why, and KVM fails the probe.
/// </summary>
public class AcceleratorTests
{
    /// <summary>Whether this host's CPU can virtualise at all: the ground truth for the checks below.</summary>
    private static bool HostHasVirtualisation =>
        File.Exists("/dev/kvm")
        && Regex.IsMatch(File.ReadAllText("/proc/cpuinfo"), @"^flags\s*:.*\b(vmx|svm)\b", RegexOptions.Multiline);

    [Fact]
    public void The_probe_sector_is_a_boot_sector()
    {
        var sector = KvmProbeGuest.Sector();
        sector.Should().HaveCount(512);
        sector[510..].Should().Equal(0x55, 0xaa);
        // What the script's printf writes, byte for byte (the real printf of /bin/sh).
        var result = ProcessRunner.Run("/bin/sh", ["-c", "printf " + ShellQuoting.Quote(KvmProbeGuest.PrintfFormat()) + " '' | od -An -v -tx1"]);
        var written = result.Stdout.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(h => Convert.ToByte(h, 16));
        written.Should().Equal(sector);
    }

    [Fact]
    public void The_probe_guest_runs_to_its_end_under_tcg()
    {
        HostTools.Require("qemu-system-x86_64", "qemu-system-x86");
        using var folder = ScriptFolder.Hostile(LoweredPlans.Vm("(name 'probe)"));
        // A TMPDIR with a comma and spaces: the sector's -drive file= must be escaped too.
        var tmp = Directory.CreateDirectory(folder.File("tmp, dir")).FullName;
        var result = ProcessRunner.Run(folder.Script, ["--check-accel", "tcg"], folder.Root, TimeSpan.FromMinutes(1),
            new Dictionary<string, string?> { ["TMPDIR"] = tmp });
        result.ExitCode.Should().Be(0, "the probe guest must work under TCG: {0}", result.Stderr);
        result.Stderr.Should().Contain("tcg works: the probe guest ran to its end");
        Directory.GetFiles(tmp).Should().BeEmpty("the probe removes its sector file");
    }

    [Fact]
    public void Kvm_fails_the_probe_on_a_host_without_virtualisation()
    {
        HostTools.Require("qemu-system-x86_64", "qemu-system-x86");
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'probekvm)"));
        var result = folder.Run("--check-accel", "kvm");
        result.Stderr.Should().MatchRegex("kvm (works|does not work)");
        if (HostHasVirtualisation)
        {
            result.ExitCode.Should().BeOneOf(0, 1);
        }
        else
        {
            result.ExitCode.Should().Be(1, "this host cannot run KVM guests at full speed: {0}", result.Stderr);
            result.Stderr.Should().Contain("kvm does not work: ");
        }
    }

    [Fact]
    public void Auto_picks_tcg_here_and_says_why()
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'autoacc)"));
        var result = folder.Run("--print0", "--no-secrets", "--no-pidfile");
        result.ExitCode.Should().Be(0, result.Stderr);
        var argv = result.Stdout.Split('\0');
        argv[1..3].Should().Equal("-accel", argv[2]);
        var line = result.Stderr.Split('\n').Single(l => l.StartsWith("run-autoacc.sh: accelerator ", StringComparison.Ordinal));
        line.Should().StartWith($"run-autoacc.sh: accelerator {argv[2]}: ");
        if (!HostHasVirtualisation)
        {
            argv[2].Should().Be("tcg");
            line.Should().MatchRegex("/dev/kvm does not exist|neither vmx nor svm in /proc/cpuinfo");
        }
    }

    [Fact]
    public void An_explicit_accelerator_is_honoured()
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'explicit)"));
        foreach (var accel in new[] { "kvm", "tcg" })
        {
            var result = folder.Run("--print0", "--no-secrets", "--no-pidfile", "--accel", accel);
            result.ExitCode.Should().Be(0, result.Stderr);
            result.Stdout.Split('\0')[1..3].Should().Equal("-accel", accel);
            result.Stderr.Should().Contain($"accelerator {accel}: chosen with --accel {accel}");
        }
    }

    [Theory]
    [InlineData("--accel", "bogus")]
    [InlineData("--accel=KVM")]
    [InlineData("--check-accel", "auto")]
    public void A_bad_accelerator_is_a_usage_error(params string[] options)
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'badacc)"));
        var result = folder.Run(options);
        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("must be").And.Contain("Usage: run-badacc.sh");
        result.Stdout.Should().BeEmpty();
    }
}
