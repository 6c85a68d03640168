using Vbmc.TestSupport;

namespace Vbmc.Cli.Tests;

/// <summary>
/// What vbmc writes does not depend on its caller's umask: under umask 000 no folder or file that
/// compile and apply make may be writable by others than its owner (root runs the units and
/// scripts, guix offload reads the folders as an unprivileged account).
/// </summary>
public sealed class CreationMaskTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-umask-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ProcessResult UnderUmask000(params string[] arguments) =>
        ProcessRunner.Run("/bin/sh", ["-c", "umask 000; exec \"$0\" \"$@\"", .. VbmcCli.CommandLine(arguments)],
            timeout: TimeSpan.FromMinutes(3));

    [Fact]
    public void Compile_and_apply_under_umask_000_make_nothing_writable_by_others()
    {
        HostTools.Require("systemd-sysusers", "systemd");
        HostTools.Require("ssh-keygen", "openssh-client");
        HostTools.Require("qemu-img", "qemu-utils");
        var configuration = Path.Combine(_folder, "vm.scm");
        File.WriteAllText(configuration, """
            (use-modules (gnu services virtualization))
            (list (service virtual-build-machine-service-type (virtual-build-machine (name 'masked) (store-disk-size (expt 2 30)))))
            """);
        var output = Path.Combine(_folder, "out");
        var root = Path.Combine(_folder, "root");
        Directory.CreateDirectory(root);
        var compile = UnderUmask000("compile", "--no-image", configuration, "-o", output);
        compile.ExitCode.Should().Be(0, compile.Stderr);
        var apply = UnderUmask000("apply", output, "--root", root, "--no-start");
        apply.ExitCode.Should().Be(0, apply.Stderr);

        var writable = new List<string>();
        foreach (var top in new[] { output, root })
        {
            foreach (var entry in new DirectoryInfo(top).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            {
                if (entry.LinkTarget is not null) continue; // a link's own mode means nothing
                if ((entry.UnixFileMode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
                    writable.Add($"{Convert.ToString((int)entry.UnixFileMode, 8)} {Path.GetRelativePath(_folder, entry.FullName)}");
            }
        }
        writable.Should().BeEmpty("vbmc sets its own umask (022) before it writes anything");
        new DirectoryInfo(Path.Combine(root, "var/lib/vbmc/generations/1")).UnixFileMode.Should()
            .Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }
}
