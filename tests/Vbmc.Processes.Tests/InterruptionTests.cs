using System.Diagnostics;
using Vbmc.TestSupport;

namespace Vbmc.Processes.Tests;

/// <summary>
/// A program that runs children with vbmc's runner (tests/Vbmc.Processes.TestHost, a separate
/// process, as vbmc is) takes them with it when it is interrupted or exits.
/// </summary>
public sealed class InterruptionTests
{
    private static string HostDll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "Vbmc.Processes.TestHost.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException("Vbmc.Processes.TestHost.dll is not next to the tests");
        }
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    [InlineData("HUP", 129)]
    public void A_signal_that_ends_the_program_kills_the_children_it_runs(string signal, int exitCode)
    {
        using var host = Host("run");
        var grandchild = FirstLine(host);
        Pids.IsAlive(grandchild).Should().BeTrue();
        try
        {
            Vbmc.TestSupport.ProcessRunner.Run("kill", ["-" + signal, host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
                .ExitCode.Should().Be(0);
            host.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue();
            host.ExitCode.Should().Be(exitCode, host.StandardError.ReadToEnd());
            Pids.Ends(grandchild, TimeSpan.FromSeconds(10)).Should().BeTrue("the runner's registry killed the tree on SIG" + signal);
        }
        finally
        {
            Pids.KillQuietly(grandchild);
        }
    }

    [Fact]
    public void A_started_program_left_running_ends_when_the_program_exits()
    {
        using var host = Host("start");
        var grandchild = FirstLine(host);
        try
        {
            host.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue();
            host.ExitCode.Should().Be(0, host.StandardError.ReadToEnd());
            Pids.Ends(grandchild, TimeSpan.FromSeconds(10)).Should().BeTrue("ProcessExit killed what was still registered");
        }
        finally
        {
            Pids.KillQuietly(grandchild);
        }
    }

    private static Process Host(string mode)
    {
        var start = new ProcessStartInfo(VbmcCli.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { HostDll, mode }) start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the test host");
    }

    private static int FirstLine(Process host)
    {
        var line = host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
        return line is null ? throw new InvalidOperationException("the test host printed nothing: " + host.StandardError.ReadToEnd()) : Pids.Parse(line);
    }
}
