using Vbmc.TestSupport;

namespace Vbmc.Cli.Tests;

/// <summary>
/// `vbmc completion bash|zsh|fish`: each script passes its shell's syntax check, and completing
/// in the real shell offers every command, every option of each command (from the command tree)
/// and the fixed values of options such as --format.
/// </summary>
public sealed class CompletionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vbmc-completion-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Script(string shell, string fileName)
    {
        var run = VbmcCli.Run(["completion", shell]);
        run.ExitCode.Should().Be(0, run.Stderr);
        var path = Path.Combine(_dir, fileName);
        File.WriteAllText(path, run.Stdout);
        return path;
    }

    /// <summary>Every (words typed, word expected among the offers) the tree implies.</summary>
    private static IEnumerable<(string[] Typed, string Expected)> Expectations()
    {
        foreach (var (command, options) in CommandTree.Commands())
        {
            yield return (["vbmc", command.Name[..2]], command.Name);
            foreach (var option in options)
            {
                foreach (var name in CommandShape.Names(option)) yield return (["vbmc", command.Name, name[..^1]], name);
                foreach (var choice in CommandShape.Choices(option))
                    yield return (["vbmc", command.Name, CommandShape.Names(option)[^1], ""], choice);
            }
            foreach (var choice in CommandShape.OperandChoices(command)) yield return (["vbmc", command.Name, ""], choice);
        }
        yield return (["vbmc", "--vers"], "--version");
        yield return (["vbmc", "-"], "--help");
    }

    [Fact]
    public void Bash_script_is_valid_and_clean_for_shellcheck()
    {
        var script = Script("bash", "vbmc.bash");
        var syntax = ProcessRunner.Run(HostTools.Require("bash", "bash"), ["-n", script]);
        syntax.ExitCode.Should().Be(0, syntax.Stderr);
        var lint = ProcessRunner.Run(HostTools.Require("shellcheck", "shellcheck"), ["-s", "bash", script]);
        lint.ExitCode.Should().Be(0, lint.Stdout + lint.Stderr);
    }

    [Fact]
    public void Bash_offers_the_commands_options_and_values_of_the_tree()
    {
        var script = Script("bash", "vbmc.bash");
        // One bash runs every case: COMP_WORDS/COMP_CWORD set as bash's programmable completion
        // sets them, then the function complete -p names is called.
        var cases = Expectations().ToList();
        var body = $"source {BashCompletion.Quote(script)}\nfn=$(complete -p vbmc | sed -n 's/.*-F \\([^ ]*\\) .*/\\1/p')\n"
                   + string.Concat(cases.Select(c =>
                       $"COMP_WORDS=({string.Join(' ', c.Typed.Select(BashCompletion.Quote))}); COMP_CWORD={c.Typed.Length - 1}; COMPREPLY=(); \"$fn\"; echo \"${{COMPREPLY[*]}}\"\n"));
        var run = ProcessRunner.Run(HostTools.Require("bash", "bash"), ["-c", body], workingDirectory: _dir);
        run.ExitCode.Should().Be(0, run.Stderr);
        Check(cases, run.Stdout.Split('\n'), "bash");
    }

    [Fact]
    public void Bash_offers_files_for_a_file_and_folders_for_a_folder()
    {
        var script = Script("bash", "vbmc.bash");
        Directory.CreateDirectory(Path.Combine(_dir, "confs"));
        File.WriteAllText(Path.Combine(_dir, "config.scm"), "");
        var body = $"source {BashCompletion.Quote(script)}\n"
                   + "COMP_WORDS=(vbmc check con); COMP_CWORD=2; _vbmc; echo \"${COMPREPLY[*]}\"\n"
                   + "COMP_WORDS=(vbmc compile config.scm -o con); COMP_CWORD=4; _vbmc; echo \"${COMPREPLY[*]}\"\n"
                   + "COMP_WORDS=(vbmc check --system ''); COMP_CWORD=3; _vbmc; echo \"${#COMPREPLY[@]}\"\n";
        var run = ProcessRunner.Run(HostTools.Require("bash", "bash"), ["-c", body], workingDirectory: _dir);
        run.ExitCode.Should().Be(0, run.Stderr);
        var offers = run.Stdout.Split('\n');
        offers[0].Split(' ').Should().BeEquivalentTo("config.scm", "confs");
        offers[1..3].Should().Equal("confs", "0");
    }

    [Fact]
    public void Zsh_script_is_valid_and_offers_the_tree()
    {
        var zsh = HostTools.Require("zsh", "zsh");
        var script = Script("zsh", "_vbmc");
        var syntax = ProcessRunner.Run(zsh, ["-n", script]);
        syntax.ExitCode.Should().Be(0, syntax.Stderr);
        File.ReadAllText(script).Should().StartWith("#compdef vbmc\n");
        // zsh's completion builtins work only inside a completion widget: here they are functions
        // that print what the script offers (a function wins over a builtin of the same name),
        // and the script's own logic runs in the real zsh.
        var cases = Expectations().ToList();
        var body = "compdef() { :; }\n"
                   + "_describe() { local name=${@[-1]}; local -a entries; entries=(\"${(@P)name}\"); print -r -- \"${(j: :)${(@)entries%%:*}}\"; }\n"
                   + "compadd() { shift; print -r -- \"$*\"; }\n_files() { print -r -- files \"$@\"; }\n_message() { print -r -- message; }\n"
                   + $"source {ZshCompletion.Quote(script)}\n"
                   + string.Concat(cases.Select(c =>
                       $"words=({string.Join(' ', c.Typed.Select(ZshCompletion.Quote))}); CURRENT={c.Typed.Length}; _vbmc\n"));
        var run = ProcessRunner.Run(zsh, ["-f", "-c", body]);
        run.ExitCode.Should().Be(0, run.Stderr);
        Check(cases, run.Stdout.Split('\n'), "zsh");
    }

    [Fact]
    public void Fish_script_is_valid_and_offers_the_tree()
    {
        var fish = HostTools.Require("fish", "fish");
        var script = Script("fish", "vbmc.fish");
        var syntax = ProcessRunner.Run(fish, ["--no-execute", script]);
        syntax.ExitCode.Should().Be(0, syntax.Stderr);
        // fish's own completion engine (complete -C) answers, one line per offer; a line
        // "--end--" closes each case.
        var cases = Expectations().ToList();
        var body = $"source {FishCompletion.Quote(script)}\n"
                   + string.Concat(cases.Select(c =>
                       $"complete -C {FishCompletion.Quote(string.Join(' ', c.Typed))} | string split -f1 \\t; echo --end--\n"));
        var run = ProcessRunner.Run(fish, ["--no-config", "-c", body], workingDirectory: _dir,
            environment: new Dictionary<string, string?> { ["HOME"] = _dir, ["XDG_CONFIG_HOME"] = _dir, ["XDG_DATA_HOME"] = _dir });
        run.ExitCode.Should().Be(0, run.Stderr);
        var answers = run.Stdout.Split("--end--\n").Select(offers => offers.Trim().ReplaceLineEndings(" ")).ToArray();
        Check(cases, answers, "fish");
    }

    private static void Check(List<(string[] Typed, string Expected)> cases, string[] answers, string shell)
    {
        answers.Length.Should().BeGreaterThanOrEqualTo(cases.Count);
        for (var i = 0; i < cases.Count; i++)
            answers[i].Split(' ').Should().Contain(cases[i].Expected,
                "{0} completing `{1}` must offer {2}", shell, string.Join(' ', cases[i].Typed), cases[i].Expected);
    }
}
