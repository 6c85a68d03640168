using Vbmc.TestSupport;

namespace Vbmc.Cli.Tests;

/// <summary>
/// The repository's .pre-commit-hooks.yaml, used as a user would: the real pre-commit (Debian's
/// package) installed in a sample git repository whose .pre-commit-config.yaml is README's, naming
/// a git repository holding that hooks file, and `git commit` running it with `vbmc` on PATH (a
/// wrapper around the vbmc.dll the tests built). No network: the hook's language is system.
/// </summary>
public sealed class PreCommitHookTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("vbmc-pre-commit-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const string Good = """
        (list (build-machine
               (name "a.example.org")
               (systems '("x86_64-linux"))
               (user "offload")
               (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICPPatb3GaTHMYKbPL9K6CPq3KVFF4Nl6crp7HYQvlZd root@a")))
        """;

    private const string Bad = "(list (build-machine (name \"b.example.org\")))\n";

    [Fact]
    public void The_vbmc_check_hook_passes_a_good_configuration_and_stops_a_commit_of_a_bad_one()
    {
        var preCommit = HostTools.Require("/usr/bin/pre-commit", "pre-commit"); // Debian's, as tests/install-host-tools.sh installs it
        var git = HostTools.Require("git", "git");
        var environment = Environment(git);

        var hooks = HooksRepository(git, environment, out var rev);
        var sample = Path.Combine(_root, "sample");
        Directory.CreateDirectory(sample);
        Git(git, sample, environment, "init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(sample, ".pre-commit-config.yaml"), ReadmeConfiguration(hooks, rev));
        Directory.CreateDirectory(Path.Combine(sample, "machines"));
        foreach (var (what, file) in new[] { ("validate-manifest", Path.Combine(hooks, ".pre-commit-hooks.yaml")), ("validate-config", ".pre-commit-config.yaml") })
        {
            var valid = Run(preCommit, sample, environment, what, file);
            valid.ExitCode.Should().Be(0, $"pre-commit {what}: {valid.Stdout}{valid.Stderr}");
        }
        Run(preCommit, sample, environment, "install").ExitCode.Should().Be(0);
        Commit(git, sample, environment, ".pre-commit-config.yaml").ExitCode.Should().Be(0);

        File.WriteAllText(Path.Combine(sample, "machines", "good.scm"), Good);
        File.WriteAllText(Path.Combine(sample, "module.scm"), Bad); // outside the README's files: pattern
        var good = Commit(git, sample, environment, "machines/good.scm", "module.scm");
        good.ExitCode.Should().Be(0, good.Stdout + good.Stderr);
        (good.Stdout + good.Stderr).Should().MatchRegex(@"vbmc check\.+Passed");

        File.WriteAllText(Path.Combine(sample, "machines", "bad vm.scm"), Bad);
        var bad = Commit(git, sample, environment, "machines/bad vm.scm");
        bad.ExitCode.Should().NotBe(0, "the hook must stop the commit");
        var output = bad.Stdout + bad.Stderr;
        output.Should().MatchRegex(@"vbmc check\.+Failed")
            .And.Contain("machines/bad vm.scm:1:7: error: missing field initializers")
            .And.Contain("[VBM3001]");
        Git(git, sample, environment, "log", "--format=%s").Stdout.Should().NotContain("bad vm.scm", "the commit did not happen");
    }

    /// <summary>A git repository holding only the worktree's .pre-commit-hooks.yaml, committed; its commit is the rev.</summary>
    private string HooksRepository(string git, Dictionary<string, string?> environment, out string rev)
    {
        var hooks = Path.Combine(_root, "hooks");
        Directory.CreateDirectory(hooks);
        File.Copy(Path.Combine(RepoPaths.Root, ".pre-commit-hooks.yaml"), Path.Combine(hooks, ".pre-commit-hooks.yaml"));
        Git(git, hooks, environment, "init", "-q", "-b", "main");
        Git(git, hooks, environment, "add", ".pre-commit-hooks.yaml");
        Git(git, hooks, environment, "commit", "-q", "-m", "hooks");
        rev = Git(git, hooks, environment, "rev-parse", "HEAD").Stdout.Trim();
        return hooks;
    }

    /// <summary>
    /// A home and a pre-commit cache of the test's own, fixed git identities, and PATH starting with
    /// a folder whose `vbmc` runs the built program.
    /// </summary>
    private Dictionary<string, string?> Environment(string git)
    {
        var bin = Path.Combine(_root, "bin");
        Directory.CreateDirectory(bin);
        var wrapper = Path.Combine(bin, "vbmc");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec {string.Join(' ', VbmcCli.Launcher.Select(ShellWord))} \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var home = Path.Combine(_root, "home");
        Directory.CreateDirectory(home);
        return new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
            ["PRE_COMMIT_HOME"] = Path.Combine(_root, "pre-commit-cache"),
            ["PATH"] = bin + ":" + Path.GetDirectoryName(git) + ":" + System.Environment.GetEnvironmentVariable("PATH"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_AUTHOR_NAME"] = "vbmc test",
            ["GIT_AUTHOR_EMAIL"] = "test@example.org",
            ["GIT_COMMITTER_NAME"] = "vbmc test",
            ["GIT_COMMITTER_EMAIL"] = "test@example.org",
            ["NO_COLOR"] = "1",
        };
    }

    private static ProcessResult Commit(string git, string repo, Dictionary<string, string?> environment, params string[] files)
    {
        Git(git, repo, environment, ["add", "--", .. files]);
        return Run(git, repo, environment, "commit", "-q", "-m", "add " + string.Join(' ', files));
    }

    /// <summary>
    /// The .pre-commit-config.yaml that README.md shows (the yaml block naming vbmc-check), with
    /// its placeholders filled in: what the README tells users to write is what the test runs.
    /// </summary>
    private static string ReadmeConfiguration(string hooks, string rev)
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var blocks = readme.Split("```yaml\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]);
        var config = blocks.Single(b => b.Contains("id: vbmc-check", StringComparison.Ordinal));
        config.Should().Contain("YOUR-VBMC-MIRROR").And.Contain("COMMIT-OR-TAG");
        return config.Replace("YOUR-VBMC-MIRROR", YamlString(hooks)).Replace("COMMIT-OR-TAG", rev);
    }

    private static ProcessResult Git(string git, string repo, Dictionary<string, string?> environment, params string[] args)
    {
        var result = Run(git, repo, environment, args);
        result.ExitCode.Should().Be(0, $"git {string.Join(' ', args)}: {result.Stderr}");
        return result;
    }

    private static ProcessResult Run(string program, string dir, Dictionary<string, string?> environment, params string[] args) =>
        ProcessRunner.Run(program, args, dir, TimeSpan.FromMinutes(3), environment);

    private static string ShellWord(string s) => "'" + s.Replace("'", "'\\''") + "'";

    /// <summary>A YAML double-quoted scalar (JSON's string syntax is valid YAML).</summary>
    private static string YamlString(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
