using Vbmc.TestSupport;

namespace Vbmc.Packaging.Tests;

/// <summary>
/// src/packaging/build-tool.sh makes a .NET tool package that `dotnet tool install` installs from
/// its folder alone (a NuGet configuration whose only source is that folder, and an empty
/// package cache: nothing comes from elsewhere), and the installed command runs vbmc.
/// </summary>
public sealed class DotnetToolTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vbmc-tool-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Dotnet_tool_install_from_the_local_folder_gives_a_working_vbmc()
    {
        var feed = Path.Combine(_dir, "feed");
        var package = Packaging.RunScript("build-tool.sh", ["--output", feed]);
        Path.GetFileName(package).Should().Be($"vbmc.{Packaging.ExpectedVersion}.nupkg");

        var config = Path.Combine(_dir, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="vbmc" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(_dir, "tools");
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(_dir, "packages"), ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        var install = ProcessRunner.Run(VbmcCli.DotnetHost,
            ["tool", "install", "vbmc", "--tool-path", tools, "--configfile", config, "--version", Packaging.ExpectedVersion],
            _dir, Packaging.Long, environment);
        install.ExitCode.Should().Be(0, install.Stdout + install.Stderr);

        var vbmc = Path.Combine(tools, "vbmc");
        File.Exists(vbmc).Should().BeTrue("dotnet tool install makes the command vbmc in the tool path");
        var version = ProcessRunner.Run(vbmc, ["--version"]);
        version.Stdout.Trim().Should().Be(Packaging.ExpectedVersion, version.Stderr);
        Packaging.ChecksTheExample(vbmc);

        var uninstall = ProcessRunner.Run(VbmcCli.DotnetHost, ["tool", "uninstall", "vbmc", "--tool-path", tools], _dir, Packaging.Long, environment);
        uninstall.ExitCode.Should().Be(0, uninstall.Stdout + uninstall.Stderr);
        File.Exists(vbmc).Should().BeFalse("dotnet tool uninstall removes the command");
    }
}
