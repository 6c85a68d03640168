using System.Diagnostics;

namespace Vbmc.TestSupport;

/// <summary>
/// The reference root (tests/reference-root.sh): Debian sid with the real GNU Guix 1.5.0,
/// GNU Shepherd 1.0.9 and QEMU, made once and cached. Tests never write into the cached folder:
/// they <see cref="Enter"/> a session, a copy-on-write overlay of it. A test that needs the root
/// fails with the script's own message when it cannot be made; none skips.
/// </summary>
public static class ReferenceRoot
{
    private static readonly Lazy<string> FolderLazy = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The cached root folder (read-only by convention), made first when missing.</summary>
    public static string Folder => FolderLazy.Value;

    /// <summary>A new session: a writable overlay of the root with /proc, /dev, /sys, /tmp and /run inside.</summary>
    public static ReferenceRootSession Enter() => new(Folder);

    private static string Make()
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "reference-root.sh");
        var result = ProcessRunner.Run("/bin/bash", [script], timeout: TimeSpan.FromMinutes(20));
        var folder = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
        if (result.ExitCode != 0 || folder is null || !Directory.Exists(folder))
            throw new InvalidOperationException(
                $"the reference root (Debian sid with guix and shepherd) could not be made by tests/reference-root.sh (exit {result.ExitCode}):\n{result.Stderr}");
        return folder;
    }
}

/// <summary>
/// One overlay of the reference root. <see cref="Root"/> is the merged folder, visible from the
/// host (so <c>vbmc apply --root</c> can install into it); commands run inside it with
/// <c>chroot</c>, in a private mount namespace held by a sleeping process, where /proc, /dev,
/// /sys, /tmp and /run are mounted. Disposing kills every process of that namespace (daemons a
/// test started included) and removes the overlay.
/// </summary>
public sealed class ReferenceRootSession : IDisposable
{
    private readonly string _work;
    private readonly Process _holder;
    private bool _disposed;

    /// <summary>The merged root folder (a host path).</summary>
    public string Root { get; }

    /// <summary>The cached folder below the overlay.</summary>
    public string Lower { get; }

    internal ReferenceRootSession(string lower)
    {
        Lower = lower;
        _work = Directory.CreateTempSubdirectory("vbmc-refroot-").FullName;
        Root = Path.Combine(_work, "root");
        foreach (var d in new[] { "upper", "work", "root" }) Directory.CreateDirectory(Path.Combine(_work, d));
        Must(ProcessRunner.Run("mount", ["-t", "overlay", "overlay", "-o",
            $"lowerdir={lower},upperdir={_work}/upper,workdir={_work}/work", Root]), "mount the overlay");
        _holder = Process.Start(new ProcessStartInfo("unshare", ["--mount", "--propagation", "private", "--", "sleep", "infinity"])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
        }) ?? throw new InvalidOperationException("could not start unshare");
        // unshare has made the namespace once its child runs sleep: wait for that.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (MountNamespace(_holder.Id) == MountNamespace(Environment.ProcessId) && DateTime.UtcNow < deadline)
            Thread.Sleep(20);
        var r = Quote(Root);
        Must(Host("sh", ["-c",
            $"mount -t proc proc {r}/proc && mount --rbind /dev {r}/dev && mount -t sysfs sysfs {r}/sys " +
            $"&& mount -t tmpfs -o mode=1777 tmpfs {r}/tmp && mount -t tmpfs -o mode=755 tmpfs {r}/run " +
            $"&& mkdir -p {r}/run/lock"]), "mount /proc, /dev, /sys, /tmp and /run in the overlay");
    }

    /// <summary>
    /// Runs <paramref name="command"/> with /bin/sh inside the root, as root or as
    /// <paramref name="user"/> (a name of the root's own /etc/passwd), with a clean environment.
    /// </summary>
    public ProcessResult Run(string command, string? user = null, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null) =>
        Host("chroot", ChrootArguments(command, user, environment), timeout);

    /// <summary>Runs a host program in the session's mount namespace (it sees /proc, /dev... under <see cref="Root"/>).</summary>
    public ProcessResult Host(string program, IEnumerable<string> arguments, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        ProcessRunner.Run("nsenter", ["-t", _holder.Id.ToString(), "-m", "--", program, .. arguments], timeout: timeout,
            environment: environment);

    /// <summary>Starts a long-running command inside the root (a daemon); its output goes to <paramref name="logFile"/> (a host path).</summary>
    public Process Start(string command, string logFile, string? user = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var shell = $"exec nsenter -t {_holder.Id} -m -- chroot {string.Join(' ', ChrootArguments(command, user, environment).Select(Quote))} >{Quote(logFile)} 2>&1";
        return Process.Start(new ProcessStartInfo("/bin/sh", ["-c", shell]) { UseShellExecute = false, RedirectStandardInput = true })
               ?? throw new InvalidOperationException("could not start " + command);
    }

    /// <summary>
    /// Starts a command inside the root with its standard input, output and error as pipes to
    /// the caller: a process driven line by line (a Guile server answering requests). Disposing
    /// the session kills it too.
    /// </summary>
    public Process Spawn(string command, string? user = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("nsenter")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-t", _holder.Id.ToString(), "-m", "--", "chroot" }.Concat(ChrootArguments(command, user, environment)))
            psi.ArgumentList.Add(argument);
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start " + command);
    }

    /// <summary>
    /// A path inside the root as a host path. /tmp, /run, /proc, /dev and /sys inside are mounted
    /// in the session's namespace only: the host does not see what processes write there (use
    /// /var/tmp to exchange files).
    /// </summary>
    public string HostPath(string inside) => Path.Join(Root, inside);

    private IEnumerable<string> ChrootArguments(string command, string? user, IReadOnlyDictionary<string, string>? environment)
    {
        var args = new List<string>();
        if (user is not null) args.Add("--userspec=" + user + ":" + user);
        args.AddRange([Root, "/usr/bin/env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C.UTF-8",
            "HOME=" + (user is null ? "/root" : "/tmp"), "USER=" + (user ?? "root")]);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) args.Add(k + "=" + v);
        args.AddRange(["/bin/sh", "-c", command]);
        return args;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        var ns = MountNamespace(_holder.Id);
        // Every process of the namespace (daemons started in the root, QEMU...), then the holder.
        for (var round = 0; round < 5 && ns is not null; round++)
        {
            var members = Directory.GetDirectories("/proc").Select(Path.GetFileName)
                .Select(n => int.TryParse(n, out var pid) ? pid : 0)
                .Where(pid => pid > 0 && pid != _holder.Id && MountNamespace(pid) == ns).ToList();
            if (members.Count == 0) break;
            foreach (var pid in members)
            {
                try { Process.GetProcessById(pid).Kill(); } catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
            }
            Thread.Sleep(200);
        }
        try { _holder.Kill(); _holder.WaitForExit(5000); } catch (InvalidOperationException) { }
        _holder.Dispose();
        var unmounted = ProcessRunner.Run("umount", [Root]);
        if (unmounted.ExitCode != 0) ProcessRunner.Run("umount", ["-l", Root]);
        try { Directory.Delete(_work, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static string? MountNamespace(int pid)
    {
        try { return new FileInfo($"/proc/{pid}/ns/mnt").LinkTarget; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static void Must(ProcessResult result, string what)
    {
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"reference root: could not {what} (exit {result.ExitCode}): {result.Stderr}");
    }

    public static string Quote(string s) => "'" + s.Replace("'", "'\"'\"'") + "'";
}
