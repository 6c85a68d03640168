using System.Globalization;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>
/// The ordinary user the rootless tests build images as: a system account without a home or a
/// login shell, made by the test (which runs as root, as CI does) when missing, and run with
/// setpriv. Its subordinate ids are whatever the test sets.
/// </summary>
internal sealed record OrdinaryUser(string Name, int Uid, int Gid)
{
    public const string DefaultName = "vbmc-rootless-test";

    public static OrdinaryUser Ensure(string name = DefaultName)
    {
        if (!Environment.IsPrivilegedProcess)
            throw new InvalidOperationException($"this test runs as root: it makes the ordinary user {name} and runs vbmc as that user");
        var id = HostTools.Require("id", "coreutils");
        if (ProcessRunner.Run(id, ["-u", name]).ExitCode != 0)
        {
            var useradd = ProcessRunner.Run(HostTools.Require("useradd", "passwd"),
                ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name]);
            useradd.ExitCode.Should().Be(0, $"useradd {name}: {useradd.Stderr}");
        }
        int Number(string option) => int.Parse(ProcessRunner.Run(id, [option, name]).Stdout.Trim(), CultureInfo.InvariantCulture);
        return new OrdinaryUser(name, Number("-u"), Number("-g"));
    }

    /// <summary>The native vbmc under test copied into a folder every user can enter (0755), removed when the tests end.</summary>
    private static readonly Lazy<string> ReadableCopy = new(() =>
    {
        var original = VbmcCli.CommandLine([])[0];
        var folder = Path.Combine(Path.GetTempPath(), "vbmc-ordinary-user-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("755", 8));
        var copy = Path.Combine(folder, "vbmc");
        File.Copy(original, copy);
        File.SetUnixFileMode(copy, (UnixFileMode)Convert.ToInt32("755", 8));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return copy;
    });

    /// <summary>Removes every range of subordinate ids /etc/subuid and /etc/subgid give the user.</summary>
    public void RemoveSubordinateIds()
    {
        foreach (var (file, option) in new[] { ("/etc/subuid", "--del-subuids"), ("/etc/subgid", "--del-subgids") })
        {
            if (!File.Exists(file)) continue;
            foreach (var fields in File.ReadAllLines(file).Select(l => l.Split(':')).Where(f => f.Length == 3 && (f[0] == Name || f[0] == Uid.ToString(CultureInfo.InvariantCulture))))
            {
                var last = long.Parse(fields[1], CultureInfo.InvariantCulture) + long.Parse(fields[2], CultureInfo.InvariantCulture) - 1;
                var usermod = ProcessRunner.Run(HostTools.Require("usermod", "passwd"), [option, $"{fields[1]}-{last}", Name]);
                usermod.ExitCode.Should().Be(0, $"usermod {option}: {usermod.Stderr}");
            }
        }
    }

    /// <summary>Gives the folder (and what is in it) to the user.</summary>
    public void Own(string folder) =>
        ProcessRunner.Run(HostTools.Require("chown", "coreutils"), ["-R", $"{Uid}:{Gid}", folder]).ExitCode.Should().Be(0);

    /// <summary>`vbmc ARGUMENTS` as the user (setpriv: its uid and gid, no supplementary group), with <paramref name="environment"/>.</summary>
    public ProcessResult RunVbmc(IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var command = VbmcCli.CommandLine(arguments).ToList();
        // The native program is one file: the user runs a copy of it, so that the repository may
        // sit in a folder only root can enter (a clone in `mktemp -d`). The dotnet build needs its
        // folder and the SDK's: those must be readable by the user as they are.
        if (!command[0].EndsWith("dotnet", StringComparison.Ordinal)) command[0] = ReadableCopy.Value;
        var setpriv = HostTools.Require("setpriv", "util-linux");
        string[] prefix = ["--reuid=" + Uid.ToString(CultureInfo.InvariantCulture), "--regid=" + Gid.ToString(CultureInfo.InvariantCulture), "--clear-groups", "--"];
        foreach (var file in command.Take(command[0].EndsWith("dotnet", StringComparison.Ordinal) ? 2 : 1))
        {
            var access = ProcessRunner.Run(setpriv, [.. prefix, "test", "-r", file]);
            access.ExitCode.Should().Be(0, $"the user {Name} must be able to read {file} to run vbmc (keep the repository and dotnet in folders other users can read)");
        }
        return ProcessRunner.Run(setpriv, [.. prefix, .. command], workingDirectory, TimeSpan.FromMinutes(15), environment);
    }
}
