using Vbmc.Diagnostics;
using Vbmc.Image.Base;
using Vbmc.Lowering;
using Vbmc.Processes;

namespace Vbmc.Image.Guest;

/// <summary>
/// Makes the guest's root folder: a copy of the base (the cached Debian archive, or the user's
/// folder or archive) with vbmc's guest files on top. The copy belongs to whoever runs vbmc, root
/// or not, in the same way: the guest's owners and device nodes are kept in a
/// <see cref="GuestOwners"/> table read from the base's tar listing, and set in the image after
/// mke2fs, so an ordinary user builds the same image as root.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class GuestStager
{
    /// <summary>
    /// Copies the base into the empty folder <paramref name="target"/> (its parent holds temporary
    /// files) and returns the guest's owners of what it holds; null after a diagnostic.
    /// </summary>
    public static GuestOwners? CopyBase(string source, string target, DiagnosticBag diagnostics, SourceSpan place)
    {
        var folder = Directory.Exists(source);
        if (!folder && !File.Exists(source))
        {
            diagnostics.Error(DiagnosticIds.ImageBaseInvalid, place, $"the image's base root {source} does not exist",
                "give root-base the path of a folder or a tar archive holding the guest's root file system");
            return null;
        }
        if (HostProgram.Tar.Locate() is not { } tar)
        {
            diagnostics.Error(DiagnosticIds.ImageToolMissing, place, HostProgram.Tar.NotInstalled, HostProgram.Tar.InstallHint);
            return null;
        }
        var work = Path.GetDirectoryName(Path.GetFullPath(target))!;
        var archive = folder ? Path.Combine(work, "base.tar") : source;
        var exclusions = Path.Combine(work, "devices.exclude");
        try
        {
            // A folder is archived first: its listing then gives the owners, as an archive's does.
            if (folder && !RunTar(tar, ["-C", source, "--numeric-owner", "--xattrs", "--xattrs-include=*", "-c", "-f", archive, "."],
                    $"cannot read the base root {source}", diagnostics, place))
                return null;
            var listing = ProgramRunner.Run(HostProgram.Tar.Request(tar, [.. TarListing.ListArguments, "-f", archive]));
            if (!listing.Succeeded)
            {
                diagnostics.Error(DiagnosticIds.ImageBaseInvalid, place, $"cannot list the base root {source} ({listing.Outcome}):\n{listing.Explanation}");
                return null;
            }
            IReadOnlyList<TarMember> members;
            try
            {
                members = TarListing.Parse(listing.Stdout);
            }
            catch (FormatException e)
            {
                diagnostics.Error(DiagnosticIds.ImageBaseInvalid, place, $"cannot read tar's listing of the base root {source}: {e.Message}");
                return null;
            }
            if (!Environment.IsPrivilegedProcess && members.FirstOrDefault(m => m.Xattrs.Any(x => !x.StartsWith("user.", StringComparison.Ordinal))) is { } marked)
            {
                diagnostics.Error(DiagnosticIds.UnsupportedForCompile, place,
                    $"unsupported: the base root's /{marked.Path} has the extended attribute {marked.Xattrs.First(x => !x.StartsWith("user.", StringComparison.Ordinal))}, which only root can set",
                    "build the image as root, or remove the attribute from the base");
                return null;
            }
            var owners = GuestOwners.FromListing(members);
            // Device nodes are made in the image (an ordinary user cannot make them): tar leaves them out.
            File.WriteAllLines(exclusions, owners.Devices.Select(d => d.Name));
            if (!RunTar(tar, ["-x", "-f", archive, "-C", target, "--no-same-owner", "--same-permissions", "--xattrs", "--xattrs-include=*",
                    "--anchored", "--no-wildcards", "--exclude-from=" + exclusions], $"cannot copy the base root {source}", diagnostics, place))
                return null;
            OpenToOwner(target);
            return owners;
        }
        finally
        {
            if (folder && File.Exists(archive)) File.Delete(archive);
            if (File.Exists(exclusions)) File.Delete(exclusions);
        }
    }

    private static bool RunTar(string tar, IReadOnlyList<string> arguments, string what, DiagnosticBag diagnostics, SourceSpan place)
    {
        var result = ProgramRunner.Run(HostProgram.Tar.Request(tar, arguments) with { LastLinesOnly = true });
        if (result.Succeeded) return true;
        diagnostics.Error(DiagnosticIds.ImageBaseInvalid, place, $"{what} ({result.Outcome}):\n{result.Explanation}");
        return false;
    }

    /// <summary>
    /// Gives the staged files' owner (whoever runs vbmc) read access to every file and full access
    /// to every folder, whatever the base's modes (a 0000 file, a 0555 folder): mke2fs must read
    /// them all and the staging folder must be removable. The guest's modes are in the owners table.
    /// </summary>
    private static void OpenToOwner(string root)
    {
        const UnixFileMode folderAccess = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            var mode = File.GetUnixFileMode(folder);
            if ((mode & folderAccess) != folderAccess) File.SetUnixFileMode(folder, mode | folderAccess);
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = FileAttributes.None }))
            {
                if (entry.LinkTarget is not null) continue;
                if (entry is DirectoryInfo) pending.Push(entry.FullName);
                else if ((entry.UnixFileMode & UnixFileMode.UserRead) == 0) entry.UnixFileMode |= UnixFileMode.UserRead;
            }
        }
    }

    /// <summary>
    /// Whether the copied base has the programs the guest runs (systemd, sshd, ssh-keygen, tar);
    /// false after a diagnostic. Checked before anything else is read from the base, so that a
    /// base that is not a system at all is told so first.
    /// </summary>
    public static bool HasGuestPrograms(string stagedRoot, GuestOwners owners, DiagnosticBag diagnostics, SourceSpan place)
    {
        if (Missing(new RootFolder(stagedRoot, owners)) is not { } missing) return true;
        diagnostics.Error(DiagnosticIds.ImageBaseInvalid, place, $"the image's base root has no {missing}",
            "a base root needs systemd, OpenSSH's sshd and ssh-keygen, and tar (Debian: systemd-sysv, openssh-server, tar)");
        return false;
    }

    /// <summary>Puts vbmc's guest files on top of the copied base; false after a diagnostic.</summary>
    public static bool AddGuestFiles(VmPlan vm, string stagedRoot, GuestOwners owners, DiagnosticBag diagnostics, SourceSpan place,
        bool networkFromInitrd = false)
    {
        if (!HasGuestPrograms(stagedRoot, owners, diagnostics, place)) return false;
        var root = new RootFolder(stagedRoot, owners);
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
            foreach (var file in GuestFiles.For(vm, networkFromInitrd)) root.Write(file);
            if (!GuestBoot.ListsKernelModules(root)) root.Write(GuestFile.Mask("systemd-modules-load.service"));
            GuestBoot.StartNixDaemonOnDemand(root);
            var (passwd, shadow, group, gshadow) = GuestAccounts.Edit(vm.Guest,
                root.Read("/etc/passwd"), root.Read("/etc/shadow"), root.Read("/etc/group"), root.Read("/etc/gshadow"));
            root.Write(GuestFile.Regular("/etc/passwd", passwd));
            root.Write(GuestFile.Regular("/etc/shadow", shadow, 0b110_100_000));
            root.Write(GuestFile.Regular("/etc/group", group));
            root.Write(GuestFile.Regular("/etc/gshadow", gshadow, 0b110_100_000));
            // Debian's shadow files belong to group shadow (42), which unix_chkpwd needs.
            if (Gid(group, "shadow") is { } shadowGid)
            {
                root.Own("/etc/shadow", 0, shadowGid);
                root.Own("/etc/gshadow", 0, shadowGid);
            }
            if (vm.ServesNix)
                root.Write(GuestFile.Regular("/etc/nix/nix.conf", GuestDaemonSettings.NixConf(vm, root.Exists(GuestDaemonSettings.SandboxShell))));
            MakeHome(root, vm.Guest, group);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticIds.ImageBuildFailed, place, $"cannot write the guest's files in {stagedRoot}: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// Adds vbmc's guest init (<see cref="GuestInit"/>) to a staged guest that vbmc's initrd boots,
    /// with the build daemons the VM serves and the base has, when the base has every program the
    /// init runs; otherwise the guest boots systemd. Returns what the guest's init is, and why.
    /// </summary>
    public static string AddGuestInit(VmPlan vm, string stagedRoot, GuestOwners owners)
    {
        var root = new RootFolder(stagedRoot, owners);
        var busybox = GuestInitrd.FindBusybox(root);
        // busybox's init reads /etc/inittab only when built with it (FEATURE_USE_INITTAB).
        if (busybox is null || File.ReadAllBytes(root.FolderPath(busybox)!).AsSpan().IndexOf("/etc/inittab"u8) < 0)
            return "systemd (the base's busybox has no init that reads /etc/inittab)";
        var daemons = new List<GuestInit.Daemon>();
        if (vm.ServesGuix && root.Exists("/usr/bin/guix-daemon"))
            daemons.Add(GuestInit.GuixDaemon(vm, UnitSetting(root, "guix-daemon.service", "User") is { } user && user != "root" ? user : null));
        if (vm.ServesNix && root.Exists("/usr/bin/nix-daemon")) daemons.Add(GuestInit.NixDaemon());
        if (GuestInit.NeededPrograms(daemons).FirstOrDefault(p => !root.Exists(p)) is { } missing)
            return $"systemd (the base has no {missing}, which vbmc's init runs)";
        foreach (var file in GuestInit.Files(busybox, daemons)) root.Write(file);
        return "vbmc's (busybox init" + string.Concat(daemons.Select(d => ", " + d.Name)) + ", sshd)";
    }

    /// <summary>The last value of a setting (KEY=VALUE) in the base's unit file, or null.</summary>
    private static string? UnitSetting(RootFolder root, string unit, string key) =>
        root.Read(GuestFiles.UnitFolder + "/" + unit).Split('\n').Select(l => l.Trim())
            .LastOrDefault(l => l.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..].Trim() is { Length: > 0 } value ? value : null;

    /// <summary>What the guest files rely on, or null when the base has it all.</summary>
    private static string? Missing(RootFolder root)
    {
        string[] needed = ["/usr/sbin/sshd", "/usr/bin/ssh-keygen", "/bin/tar", "/etc/passwd", "/etc/group"];
        if (!root.Exists("/lib/systemd/systemd")) return "systemd (/lib/systemd/systemd)";
        return needed.FirstOrDefault(p => !root.Exists(p));
    }

    private static void MakeHome(RootFolder root, GuestAccount guest, string group)
    {
        root.Remove(guest.Home);
        var home = root.HostPath(guest.Home) ?? throw new IOException($"{guest.Home}: too many levels of symbolic links");
        Directory.CreateDirectory(home);
        File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        root.Own(guest.Home, guest.Uid, Gid(group, guest.Group) ?? guest.Gid);
    }

    private static int? Gid(string group, string name) =>
        group.Split('\n').Select(l => l.Split(':')).FirstOrDefault(f => f.Length > 2 && f[0] == name) is { } fields
        && int.TryParse(fields[2], out var gid) ? gid : null;
}
