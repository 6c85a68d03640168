using Vbmc.TestSupport;

namespace Vbmc.EndToEnd.Tests.Support;

/// <summary>The real vbmc program, on the host or in a reference-root session's mount namespace.</summary>
public static class Vbmc
{
    public static ProcessResult Run(TimeSpan timeout, ReferenceRootSession? session, params string[] arguments) =>
        session is null
            ? VbmcCli.Run(arguments, timeout: timeout)
            : session.Host(VbmcCli.Launcher[0], VbmcCli.CommandLine(arguments).Skip(1), timeout);
}

public static class ProcessResultAssertions
{
    public static void ShouldExit(this ProcessResult result, int code, string what) =>
        result.ExitCode.Should().Be(code, $"{what} failed:\n{result.Stdout}\n{result.Stderr}");
}
