using Vbmc.Diagnostics;
using Vbmc.Lowering;
using Vbmc.Processes;

namespace Vbmc.Image.Guest;

/// <summary>
/// Makes the guest's root folder: a copy of the base (the cached Debian archive, or the user's
/// folder or archive) with vbmc's guest files on top. Runs as root so that the copy keeps the
/// base's owners, which mke2fs -d then writes into the image.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class GuestStager
{
    /// <summary>Copies the base into the empty folder <paramref name="target"/>; false after a diagnostic.</summary>
    public static bool CopyBase(string source, string target, DiagnosticBag diagnostics, SourceSpan place)
    {
        var folder = Directory.Exists(source);
        if (!folder && !File.Exists(source))
        {
            diagnostics.Error(DiagnosticIds.ImageBaseInvalid, place, $"the image's base root {source} does not exist",
                "give root-base the path of a folder or a tar archive holding the guest's root file system");
            return false;
        }
        var program = folder ? HostProgram.Copy : HostProgram.Tar;
        if (program.Locate() is not { } executable)
        {
            diagnostics.Error(DiagnosticIds.ImageToolMissing, place, program.NotInstalled, program.InstallHint);
            return false;
        }
        // cp -a and tar as root keep owners, modes, links, device nodes and extended attributes;
        // tar recognises a compressed archive by its content.
        string[] arguments = folder
            ? ["-a", "--reflink=auto", "--", Path.Combine(source, "."), target]
            : ["-x", "-f", source, "-C", target, "--numeric-owner", "--same-owner", "--same-permissions", "--xattrs", "--xattrs-include=*"];
        var result = ProgramRunner.Run(program.Request(executable, arguments) with { LastLinesOnly = true });
        if (!result.Succeeded)
        {
            diagnostics.Error(DiagnosticIds.ImageBaseInvalid, place, $"cannot copy the base root {source} ({result.Outcome}):\n{result.Explanation}");
            return false;
        }
        return true;
    }

    /// <summary>Puts vbmc's guest files on top of the copied base; false after a diagnostic.</summary>
    public static bool AddGuestFiles(VmPlan vm, string stagedRoot, DiagnosticBag diagnostics, SourceSpan place)
    {
        var root = new RootFolder(stagedRoot);
        if (Missing(root) is { } missing)
        {
            diagnostics.Error(DiagnosticIds.ImageBaseInvalid, place, $"the image's base root has no {missing}",
                "a base root needs systemd, OpenSSH's sshd and ssh-keygen, and tar (Debian: systemd-sysv, openssh-server, tar)");
            return false;
        }
        if (vm.Guest.Problem() is { } problem)
        {
            diagnostics.Error(DiagnosticIds.ImageBuildFailed, place, $"the guest's offloading account cannot be written: {problem}");
            return false;
        }
        if (!root.Exists(vm.Guest.Shell))
        {
            diagnostics.Error(DiagnosticIds.ImageBaseInvalid, place,
                $"the image's base has no {vm.Guest.Shell}, the shell of the guest account '{vm.Guest.Name}': the build daemons could not log in",
                "add the shell's package to the base, or give the account a shell the base has (shell \"/bin/sh\")");
            return false;
        }
        try
        {
            GuestCleanup.Apply(root);
            foreach (var file in GuestFiles.For(vm)) root.Write(file);
            var (passwd, shadow, group, gshadow) = GuestAccounts.Edit(vm.Guest,
                root.Read("/etc/passwd"), root.Read("/etc/shadow"), root.Read("/etc/group"), root.Read("/etc/gshadow"));
            root.Write(GuestFile.Regular("/etc/passwd", passwd));
            root.Write(GuestFile.Regular("/etc/shadow", shadow, 0b110_100_000));
            root.Write(GuestFile.Regular("/etc/group", group));
            root.Write(GuestFile.Regular("/etc/gshadow", gshadow, 0b110_100_000));
            // Debian's shadow files belong to group shadow (42), which unix_chkpwd needs.
            if (Gid(group, "shadow") is { } shadowGid)
            {
                if (!Own(root, "/etc/shadow", 0, shadowGid, diagnostics, place) || !Own(root, "/etc/gshadow", 0, shadowGid, diagnostics, place))
                    return false;
            }
            if (vm.ServesNix)
                root.Write(GuestFile.Regular("/etc/nix/nix.conf", GuestDaemonSettings.NixConf(vm, root.Exists(GuestDaemonSettings.SandboxShell))));
            return MakeHome(root, vm.Guest, group, diagnostics, place);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticIds.ImageBuildFailed, place, $"cannot write the guest's files in {stagedRoot}: {e.Message}");
            return false;
        }
    }

    /// <summary>What the guest files rely on, or null when the base has it all.</summary>
    private static string? Missing(RootFolder root)
    {
        string[] needed = ["/usr/sbin/sshd", "/usr/bin/ssh-keygen", "/bin/tar", "/etc/passwd", "/etc/group"];
        if (!root.Exists("/lib/systemd/systemd")) return "systemd (/lib/systemd/systemd)";
        return needed.FirstOrDefault(p => !root.Exists(p));
    }

    private static bool MakeHome(RootFolder root, GuestAccount guest, string group, DiagnosticBag diagnostics, SourceSpan place)
    {
        root.Remove(guest.Home);
        var home = root.HostPath(guest.Home) ?? throw new IOException($"{guest.Home}: too many levels of symbolic links");
        Directory.CreateDirectory(home);
        File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return Own(root, guest.Home, guest.Uid, Gid(group, guest.Group) ?? guest.Gid, diagnostics, place);
    }

    private static int? Gid(string group, string name) =>
        group.Split('\n').Select(l => l.Split(':')).FirstOrDefault(f => f.Length > 2 && f[0] == name) is { } fields
        && int.TryParse(fields[2], out var gid) ? gid : null;

    /// <summary>chown of a staged path (.NET has no chown): the numeric ids, never the host's names.</summary>
    private static bool Own(RootFolder root, string guestPath, int uid, int gid, DiagnosticBag diagnostics, SourceSpan place)
    {
        var host = root.HostPath(guestPath)!;
        if (HostProgram.Chown.Locate() is not { } chown)
        {
            diagnostics.Error(DiagnosticIds.ImageToolMissing, place, HostProgram.Chown.NotInstalled, HostProgram.Chown.InstallHint);
            return false;
        }
        var result = ProgramRunner.Run(HostProgram.Chown.Request(chown, ["-h", $"{uid}:{gid}", "--", host]));
        if (result.Succeeded) return true;
        diagnostics.Error(DiagnosticIds.ImageBuildFailed, place, $"cannot set the owner of {guestPath} in the staged root: {result.Explanation}",
            "building a guest image needs root (the guest's files keep their owners)");
        return false;
    }
}
