using Vbmc.TestSupport;

namespace Vbmc.Packaging.Tests;

/// <summary>
/// src/packaging/install.sh into a temporary PREFIX: the files and their modes, the program runs
/// without the repository, and man, bash-completion, zsh and fish find what it installed where
/// they look (MANPATH, XDG_DATA_DIRS, fpath) as they would under /usr/local.
/// </summary>
public sealed class InstallScriptTests : IDisposable
{
    private readonly string _prefix = Path.Combine(Directory.CreateTempSubdirectory("vbmc-prefix-").FullName, "usr");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_prefix)!, recursive: true);

    public static readonly IReadOnlyList<(string Path, UnixFileMode Mode)> Files =
    [
        ("bin/vbmc", (UnixFileMode)0b111_101_101),
        ("share/man/man1/vbmc.1.gz", (UnixFileMode)0b110_100_100),
        ("share/bash-completion/completions/vbmc", (UnixFileMode)0b110_100_100),
        ("share/zsh/site-functions/_vbmc", (UnixFileMode)0b110_100_100),
        ("share/fish/vendor_completions.d/vbmc.fish", (UnixFileMode)0b110_100_100),
        ("share/doc/vbmc/copyright", (UnixFileMode)0b110_100_100),
    ];

    private void Install() => Packaging.RunScript("install.sh", ["--prefix", _prefix, .. Packaging.BinaryArguments]);

    [Fact]
    public void Installs_each_file_with_its_mode_and_the_program_runs_alone()
    {
        Install();
        foreach (var (path, mode) in Files)
        {
            var full = Path.Combine(_prefix, path);
            File.Exists(full).Should().BeTrue($"install.sh must install {path}");
            File.GetUnixFileMode(full).Should().Be(mode, "{0} is installed with an explicit mode", path);
        }
        foreach (var folder in Directory.GetDirectories(_prefix, "*", SearchOption.AllDirectories))
            File.GetUnixFileMode(folder).Should().Be((UnixFileMode)0b111_101_101, "{0} is a 0755 folder", folder);
        var vbmc = Path.Combine(_prefix, "bin", "vbmc");
        ProcessRunner.Run(vbmc, ["--version"]).Stdout.Trim().Should().Be(Packaging.ExpectedVersion);
        Packaging.ChecksTheExample(vbmc);
    }

    [Fact]
    public void Man_finds_the_page_by_name_and_groff_reads_it_without_a_warning()
    {
        Install();
        var man = HostTools.Require("man", "man-db");
        var run = ProcessRunner.Run(man, ["vbmc"], environment: new Dictionary<string, string?>
        {
            ["MANPATH"] = Path.Combine(_prefix, "share", "man"), ["MANWIDTH"] = "100", ["PAGER"] = "cat", ["MANPAGER"] = "cat",
        });
        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("VBMC(1)").And.Contain("vbmc check").And.Contain("EXIT STATUS");

        var page = Path.Combine(_prefix, "share", "man", "man1", "vbmc.1.gz");
        var groff = ProcessRunner.Run(HostTools.Require("bash", "bash"),
            ["-c", $"zcat '{page}' | {HostTools.Require("groff", "groff-base")} -man -Tutf8 -ww -z"]);
        groff.ExitCode.Should().Be(0, groff.Stderr);
        groff.Stderr.Should().BeEmpty("groff must not warn about the installed vbmc(1)");
    }

    [Fact]
    public void Bash_completion_loads_the_installed_script_on_demand()
    {
        Install();
        const string loader = "/usr/share/bash-completion/bash_completion";
        HostTools.Require(loader, "bash-completion");
        // bash-completion looks for completions/vbmc under each folder of XDG_DATA_DIRS when
        // vbmc is first completed.
        var body = $"source {loader}\n__load_completion vbmc || exit 3\ncomplete -p vbmc\n"
                   + "COMP_WORDS=(vbmc check --fo); COMP_CWORD=2; _vbmc; echo \"${COMPREPLY[*]}\"\n";
        var run = ProcessRunner.Run(HostTools.Require("bash", "bash"), ["-c", body],
            environment: new Dictionary<string, string?> { ["XDG_DATA_DIRS"] = Path.Combine(_prefix, "share"), ["BASH_COMPLETION_USER_DIR"] = _prefix });
        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        run.Stdout.Should().Contain("complete -F _vbmc vbmc").And.Contain("--format");
    }

    [Fact]
    public void Zsh_compinit_registers_the_installed_function()
    {
        Install();
        var zsh = HostTools.Require("zsh", "zsh");
        var functions = Path.Combine(_prefix, "share", "zsh", "site-functions");
        var run = ProcessRunner.Run(zsh, ["-f", "-c",
            $"fpath=('{functions}' $fpath); autoload -U compinit; compinit -u -D; print -r -- \"$_comps[vbmc]\""]);
        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Trim().Should().Be("_vbmc", "compinit reads #compdef vbmc from the installed _vbmc");
    }

    [Fact]
    public void Fish_finds_the_installed_completions_in_its_vendor_folder()
    {
        Install();
        var fish = HostTools.Require("fish", "fish");
        var home = Directory.CreateTempSubdirectory("vbmc-fish-home-").FullName;
        try
        {
            // fish loads a command's completions when the command is on PATH, as an installed vbmc is.
            var run = ProcessRunner.Run(fish, ["-c", "complete -C 'vbmc check --format '"], home, environment: new Dictionary<string, string?>
            {
                ["PATH"] = $"{Path.Combine(_prefix, "bin")}:{Environment.GetEnvironmentVariable("PATH")}",
                ["XDG_DATA_DIRS"] = Path.Combine(_prefix, "share"), ["HOME"] = home, ["XDG_CONFIG_HOME"] = home, ["XDG_DATA_HOME"] = home,
            });
            run.ExitCode.Should().Be(0, run.Stderr);
            run.Stdout.Should().Contain("sarif").And.Contain("github");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
