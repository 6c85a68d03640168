using Vbmc.TestSupport;

namespace Vbmc.Packaging.Tests;

/// <summary>
/// src/packaging/build-deb.sh makes a package lintian accepts; dpkg installs it into the real
/// /usr (the tests run as root, as CI does), the installed vbmc runs and man finds its page, and
/// dpkg removes every file again, also when an assertion fails on the way.
/// </summary>
public sealed class DebianPackageTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("vbmc-deb-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private string Build() => Packaging.RunScript("build-deb.sh", ["--output", _output, .. Packaging.BinaryArguments]);

    [Fact]
    public void Lintian_finds_no_error_or_warning()
    {
        var lintian = HostTools.Require("lintian", "lintian");
        var deb = Build();
        Path.GetFileName(deb).Should().Be($"vbmc_{Packaging.ExpectedVersion}_{Architecture()}.deb");
        // Tags at the levels info and pedantic remain (README, "Installing vbmc", names them).
        var run = ProcessRunner.Run(lintian, ["--fail-on", "error,warning", "--no-tag-display-limit", deb], timeout: Packaging.Long);
        run.ExitCode.Should().Be(0, "lintian must accept {0}:\n{1}{2}", deb, run.Stdout, run.Stderr);
        run.Stdout.Should().NotContainAny("E: ", "W: ");
    }

    [Fact]
    public void Dpkg_installs_the_package_and_removes_every_file()
    {
        Packaging.IsRoot.Should().BeTrue("dpkg -i installs into /usr: the packaging tests run as root, as CI does");
        var dpkg = HostTools.Require("dpkg", "dpkg");
        ProcessRunner.Run(dpkg, ["-s", "vbmc"]).ExitCode.Should().NotBe(0,
            "a vbmc package is already installed on this machine; remove it first (dpkg -r vbmc): the test will not replace it");
        var deb = Build();
        string[] files;
        try
        {
            var install = ProcessRunner.Run(dpkg, ["-i", deb], timeout: Packaging.Long);
            install.ExitCode.Should().Be(0, install.Stdout + install.Stderr);
            files = ProcessRunner.Run(dpkg, ["-L", "vbmc"]).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var (path, _) in InstallScriptTests.Files)
                files.Should().Contain("/usr/" + path, "the package installs {0}", path);
            files.Should().Contain(["/usr/share/doc/vbmc/changelog.gz"]);
            var verify = ProcessRunner.Run(dpkg, ["--verify", "vbmc"]);
            verify.ExitCode.Should().Be(0, "the installed files must match the package's md5sums:\n" + verify.Stdout);

            ProcessRunner.Run("/usr/bin/vbmc", ["--version"]).Stdout.Trim().Should().Be(Packaging.ExpectedVersion);
            Packaging.ChecksTheExample("/usr/bin/vbmc");
            var man = ProcessRunner.Run(HostTools.Require("man", "man-db"), ["vbmc"], environment: new Dictionary<string, string?>
            {
                ["MANPATH"] = null, ["MANWIDTH"] = "100", ["PAGER"] = "cat", ["MANPAGER"] = "cat",
            });
            man.ExitCode.Should().Be(0, "man must find the installed vbmc(1): " + man.Stderr);
            man.Stdout.Should().Contain("VBMC(1)");
        }
        finally
        {
            var remove = ProcessRunner.Run(dpkg, ["--purge", "vbmc"], timeout: Packaging.Long);
            remove.ExitCode.Should().Be(0, remove.Stdout + remove.Stderr);
        }
        ProcessRunner.Run(dpkg, ["-s", "vbmc"]).ExitCode.Should().NotBe(0, "dpkg --purge vbmc removes the package");
        foreach (var file in files.Where(f => f.StartsWith("/usr/", StringComparison.Ordinal) && f.Contains("vbmc", StringComparison.Ordinal)))
            Path.Exists(file).Should().BeFalse($"{file} must be gone after dpkg --purge vbmc");
    }

    private static string Architecture() => ProcessRunner.Run("dpkg", ["--print-architecture"]).Stdout.Trim();
}
