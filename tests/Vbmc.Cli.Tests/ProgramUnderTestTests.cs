using Vbmc.TestSupport;
using Xunit.Abstractions;

namespace Vbmc.Cli.Tests;

/// <summary>
/// Which vbmc the process tests run: the native program VBMC_EXECUTABLE names (tests/run-all.sh
/// sets it to the Native AOT build of tests/publish-native.sh), else vbmc.dll run by dotnet.
/// </summary>
public class ProgramUnderTestTests(ITestOutputHelper output)
{
    [Fact]
    public void The_tests_run_the_native_program_the_variable_names_else_the_dll()
    {
        output.WriteLine($"vbmc under test: {VbmcCli.Description}");
        var run = VbmcCli.Run(["--version"]);
        run.ExitCode.Should().Be(0, run.Stderr);

        if (VbmcCli.NativeExecutable is { } native)
        {
            VbmcCli.Launcher.Should().Equal([native], "the variable's program is started itself, not through dotnet");
            var head = new byte[4];
            using (var file = File.OpenRead(native)) file.ReadExactly(head);
            head.Should().Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], $"{native} must be a native program, not a script or an assembly");
            // The same build as the vbmc.dll beside the tests: same version.
            var managed = ProcessRunner.Run(VbmcCli.DotnetHost, [VbmcCli.Dll, "--version"], timeout: TimeSpan.FromMinutes(1));
            run.Stdout.Should().Be(managed.Stdout);
        }
        else
        {
            VbmcCli.Launcher.Should().Equal(VbmcCli.DotnetHost, VbmcCli.Dll);
        }
        run.Stdout.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+$");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_variable_that_names_no_executable_file_is_refused_with_its_name()
    {
        VbmcCli.Native(null).Should().BeNull();
        VbmcCli.Native("").Should().BeNull();

        var relative = () => VbmcCli.Native("out/aot/vbmc");
        relative.Should().Throw<InvalidOperationException>().WithMessage("VBMC_EXECUTABLE=out/aot/vbmc is not an absolute path*");

        var folder = Directory.CreateTempSubdirectory("vbmc-executable-").FullName;
        try
        {
            var missing = Path.Combine(folder, "vbmc");
            var absent = () => VbmcCli.Native(missing);
            absent.Should().Throw<InvalidOperationException>().WithMessage($"VBMC_EXECUTABLE={missing}: no such file*");

            File.WriteAllText(missing, "#!/bin/sh\n");
            File.SetUnixFileMode(missing, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var notExecutable = () => VbmcCli.Native(missing);
            notExecutable.Should().Throw<InvalidOperationException>().WithMessage($"VBMC_EXECUTABLE={missing} is not executable");

            File.SetUnixFileMode(missing, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            VbmcCli.Native(missing).Should().Be(missing);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
