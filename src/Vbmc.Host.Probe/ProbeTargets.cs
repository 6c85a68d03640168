using System.Globalization;
using Vbmc.Host.Files;
using Vbmc.Lowering;

namespace Vbmc.Host.Probe;

/// <summary>
/// The build machines to test, from a lowered configuration or from a manifest, deduplicated by
/// (name, port) as guix offload test does (a machine listed once per system is tested once).
/// </summary>
public static class ProbeTargets
{
    /// <summary>
    /// Every build machine of the plan. VM entries read their keys at the installed paths under
    /// <paramref name="root"/>; machines the configuration wrote keep their own paths and host key.
    /// </summary>
    public static IReadOnlyList<ProbeTarget> FromPlan(CompilePlan plan, string root)
    {
        var targets = new List<ProbeTarget>();
        foreach (var machine in plan.BuildMachines)
        {
            var vm = machine.Vm is null ? null : plan.Vms.FirstOrDefault(v => v.Name == machine.Vm);
            var (hostKey, problem) = machine.HostKey is { } written
                ? (written, null)
                : ReadHostKey(InsideRoot(root, machine.HostKeyFile ?? "/nonexistent"));
            targets.Add(new ProbeTarget
            {
                Host = machine.Name,
                Port = machine.Port,
                User = machine.User,
                PrivateKeyFile = machine.Vm is null ? machine.PrivateKey : InsideRoot(root, machine.PrivateKey),
                HostKey = hostKey,
                HostKeyProblem = problem,
                DaemonSockets = vm?.DaemonSockets ?? [machine.DaemonSocket],
                OverloadThreshold = machine.OverloadThreshold,
                ParallelBuilds = machine.ParallelBuilds,
                Vm = machine.Vm,
                VmDate = vm?.Date,
                Place = vm?.Place,
            });
        }
        return Deduplicate(targets);
    }

    /// <summary>
    /// The VMs of a manifest (compile folder or installed generation) that forward a port to
    /// their SSH server, with the entries compile gives them (BuildMachineLowering.ForVm): their
    /// guest account, keys at the paths their manifest names, under <paramref name="root"/>.
    /// </summary>
    public static IReadOnlyList<ProbeTarget> FromManifest(Manifest manifest, string root)
    {
        var targets = new List<ProbeTarget>();
        foreach (var vm in manifest.Vms)
        {
            if (vm.SshPort is not { } port) continue;
            var (hostKey, problem) = ReadHostKey(InsideRoot(root, vm.Secrets.GuestHostKey + ".pub"));
            targets.Add(new ProbeTarget
            {
                Host = "127.0.0.1",
                Port = port,
                User = vm.OffloadUser,
                PrivateKeyFile = InsideRoot(root, vm.Secrets.OffloadKey),
                HostKey = hostKey,
                HostKeyProblem = problem,
                ParallelBuilds = vm.CpuCount,
                DaemonSockets = vm.DaemonSockets is { Count: > 0 } sockets ? sockets : [Vbmc.Services.Checks.GuestDaemons.GuixSocket],
                Vm = vm.Name,
                VmDate = DateTimeOffset.TryParse(vm.Date, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null,
            });
        }
        return Deduplicate(targets);
    }

    /// <summary>The first entry of each (name, port), counting how many were listed.</summary>
    public static IReadOnlyList<ProbeTarget> Deduplicate(IEnumerable<ProbeTarget> targets) =>
        targets.GroupBy(t => (t.Host, t.Port))
            .Select(g => g.First() with { Listed = g.Sum(t => t.Listed) })
            .ToList();

    /// <summary>An installed path (absolute) inside the --root folder, as written (what messages name).</summary>
    public static string UnderRoot(string root, string installedPath) =>
        root is "/" or "" ? installedPath : Path.Join(Path.GetFullPath(root), installedPath.TrimStart('/'));

    /// <summary>
    /// An installed path inside the --root folder with every link in it resolved inside that
    /// folder, as it will be once the folder is the root (RootedPath): the path to give a program
    /// (ssh's key, QEMU's disks), which follows links as it opens it.
    /// </summary>
    public static string InsideRoot(string root, string installedPath) =>
        root is "/" or "" ? installedPath
        : OperatingSystem.IsLinux() ? RootedPath.Resolve(root, installedPath, followLast: true)
        : UnderRoot(root, installedPath);

    private static (string? Key, string? Problem) ReadHostKey(string file)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.Trim().Length > 0);
            return line is null ? (null, $"the pinned host key file {file} is empty (has vbmc apply made the keys?)") : (line.Trim(), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "No such file or directory"
                : e is UnauthorizedAccessException ? "Permission denied" : e.Message;
            return (null, $"cannot read the pinned host key {file}: {reason} (has vbmc apply made the keys?)");
        }
    }
}
