using Vbmc.TestSupport;

namespace Vbmc.EndToEnd.Tests;

/// <summary>The reference root holds the real programs, and a session never writes into the cache.</summary>
public sealed class ReferenceRootTests
{
    [Fact]
    public void The_root_has_Guix_1_5_0_and_Shepherd_1_0_9_and_a_session_writes_only_its_overlay()
    {
        using var session = ReferenceRoot.Enter();
        var versions = session.Run("guix --version | head -n 1; shepherd --version | head -n 1; herd --version | head -n 1");
        versions.ExitCode.Should().Be(0, versions.Stderr);
        versions.Stdout.Should().Contain("guix (GNU Guix) 1.5.0").And.Contain("shepherd (GNU Shepherd) 1.0.9");

        var write = session.Run("echo written > /etc/vbmc-session-probe && test -r /proc/self/stat && test -c /dev/null");
        write.ExitCode.Should().Be(0, write.Stderr);
        File.ReadAllText(session.HostPath("/etc/vbmc-session-probe")).Should().Be("written\n", "the host sees the overlay");
        File.Exists(Path.Combine(session.Lower, "etc/vbmc-session-probe")).Should().BeFalse("the cached root stays as it was made");
    }

    [Fact]
    public void Disposing_a_session_ends_the_processes_started_in_it()
    {
        System.Diagnostics.Process daemon;
        using (var session = ReferenceRoot.Enter())
        {
            daemon = session.Start("echo started; exec sleep 600", Path.GetTempFileName());
            Thread.Sleep(300);
            daemon.HasExited.Should().BeFalse();
        }
        daemon.WaitForExit(10_000).Should().BeTrue("the session's processes are killed with it");
    }
}
