using Vbmc.TestSupport;

namespace Vbmc.Emitters.Shell.Tests;

/// <summary>The script's own command line: help, usage errors, and the files it needs before starting QEMU.</summary>
public class UsageTests
{
    [Theory]
    [InlineData("--bogus")]
    [InlineData("-x")]
    [InlineData("--print")]
    public void An_unknown_option_exits_2_with_the_usage(string option)
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'usage)"));
        var result = folder.Run(option);
        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith($"run-usage.sh: unknown option: {option}\n").And.Contain("Usage: run-usage.sh");
        result.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("stray")]
    [InlineData("--accel")]
    [InlineData("--secrets", "")]
    [InlineData("--pidfile=")]
    [InlineData("--serial-log", "")]
    [InlineData("--console-socket", "")]
    public void A_missing_value_or_stray_argument_exits_2(params string[] arguments)
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'usage)"));
        var result = folder.Run(arguments);
        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("Usage: run-usage.sh");
    }

    [Fact]
    public void Help_lists_every_option_and_the_defaults()
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'usage)"));
        var result = folder.Run("--help");
        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().StartWith("Usage: run-usage.sh [OPTION]... [-- QEMU-ARGUMENT...]\n");
        foreach (var option in new[] { "--accel auto|kvm|tcg", "--check-accel kvm|tcg", "--secrets FILE", "--no-secrets",
                     "--pidfile FILE", "--no-pidfile", "--console-socket FILE", "--no-console-socket", "--serial-log FILE", "--print-command", "--print0", "-h, --help", "-- QEMU-ARGUMENT..." })
            result.Stdout.Should().Contain("  " + option + " ");
        result.Stdout.Should().Contain("/etc/vbmc/usage/secrets.tar").And.Contain("/var/lib/vbmc/usage/run/qemu.pid")
            .And.Contain("/var/lib/vbmc/usage/run/console.sock");
        result.Stdout.Should().Be(string.Join("\n", LaunchScriptEmitter.Usage(folder.Vm)) + "\n");
    }

    [Fact]
    public void Running_without_the_image_exits_2_before_qemu()
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'noimage)"));
        var result = folder.Run("--accel", "tcg", "--no-secrets", "--no-pidfile");
        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain($"image not found: {folder.File("noimage.qcow2")}");
    }

    [Fact]
    public void Running_with_a_missing_chosen_secrets_drive_exits_2_before_qemu()
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'nosecret)"));
        folder.CreateImage();
        var missing = folder.File("absent.tar");
        var result = folder.Run("--accel", "tcg", "--no-pidfile", "--secrets", missing);
        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain($"secrets drive not found: {missing}");
    }
}
