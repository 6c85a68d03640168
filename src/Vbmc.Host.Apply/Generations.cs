using System.Globalization;
using System.Text.Json;
using Vbmc.Diagnostics;
using Vbmc.Lowering;

namespace Vbmc.Host.Apply;

/// <summary>`vbmc generations` and `vbmc rollback [N]`.</summary>
public static class Generations
{
    /// <summary>The root folder, absolute; null after an error when it does not exist.</summary>
    internal static string? ExistingRoot(ApplyOptions options, DiagnosticBag bag)
    {
        var root = Path.GetFullPath(options.Root);
        if (Directory.Exists(root)) return root;
        bag.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(options.Root), "the root folder does not exist");
        return null;
    }

    /// <summary>One line per generation, oldest first: marker (* current), number, date made, source and its sha256, VMs.</summary>
    public static IReadOnlyList<Diagnostic> List(ApplyOptions options)
    {
        var bag = new DiagnosticBag();
        if (Generations.ExistingRoot(options, bag) is not { } root) return bag.Items;
        using var beneath = RootFiles.Enter(root);
        var store = new GenerationStore(root);
        var current = store.Current;
        var listed = store.Numbers()
            .Where(n => n == current || store.BecameCurrent(n)) // not the leftovers of an interrupted apply
            .Select(n => (Number: n, Record: store.Read(n)))
            .ToList();
        if (listed.Count == 0)
        {
            options.Out.WriteLine($"no generations under {HostPaths.Under(root, HostPaths.Generations)}");
            return bag.Items;
        }
        foreach (var (number, record) in listed)
        {
            var marker = number == current ? "*" : " ";
            var text = record is null
                ? "(unreadable generation.json)"
                : $"{record.Made}  {record.Source.File}  sha256 {Short(record.Source.Sha256)}  VMs: {(record.Vms.Count == 0 ? "none" : string.Join(", ", record.Vms))}";
            options.Out.WriteLine($"{marker} {number.ToString(CultureInfo.InvariantCulture),4}  {text}");
        }
        return bag.Items;
    }

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;

    /// <summary>
    /// Switches `current` to generation <paramref name="number"/> (default: the newest older than
    /// the current one) and makes the host's links that generation's, atomically as apply does;
    /// units are reloaded (and started per auto-start) on a live host. Accounts, folders and
    /// secrets are kept as they are.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Rollback(int? number, ApplyOptions options)
    {
        Vbmc.Processes.CreationMask.UseStandard();
        var bag = new DiagnosticBag();
        if (Generations.ExistingRoot(options, bag) is not { } root) return bag.Items;
        try
        {
            using var beneath = RootFiles.Enter(root);
            RollbackCore(root, number, options, bag);
        }
        catch (ApplyException e)
        {
            bag.Add(e.ToDiagnostic());
        }
        catch (HostLockedException e)
        {
            bag.Error(DiagnosticIds.ApplyFailed, SourceSpan.FileOnly(e.Path), e.Message, "wait for it to finish");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(options.Root), $"rollback failed before changing anything: {e.Message}");
        }
        return bag.Items;
    }

    private static void RollbackCore(string root, int? number, ApplyOptions options, DiagnosticBag bag)
    {
        var store = new GenerationStore(root);
        var generationsFolder = store.GenerationsFolder;
        var output = options.Out;
        using var hostLock = HostLock.Take(root);
        foreach (var line in Recovery.Run(store)) output.WriteLine($"recover {line}");
        if (store.Current is not { } current || store.Read(current) is not { } from)
        {
            bag.Error(DiagnosticIds.GenerationNotFound, SourceSpan.FileOnly(generationsFolder), "no generation is installed", "run vbmc apply first");
            return;
        }
        var targetNumber = number ?? store.Numbers().Where(n => n < current).Cast<int?>().LastOrDefault();
        if (targetNumber is not { } t)
        {
            bag.Error(DiagnosticIds.GenerationNotFound, SourceSpan.FileOnly(generationsFolder),
                $"generation {current} is the oldest: there is no previous generation", "`vbmc generations` lists them");
            return;
        }
        if (!store.Numbers().Contains(t) || store.Read(t) is not { } target)
        {
            bag.Error(DiagnosticIds.GenerationNotFound, SourceSpan.FileOnly(store.Folder(t)), $"there is no generation {t}",
                "`vbmc generations` lists them");
            return;
        }
        if (t == current)
        {
            output.WriteLine($"nothing to do: generation {t} is already current");
            return;
        }
        if (!HostApplier.NoConflicts(root, store, target, bag)) return;

        var live = SystemdActivation.IsLive(root);
        var journal = new UndoJournal();
        if (live) journal.Add("systemctl daemon-reload", SystemdActivation.Reload);
        IReadOnlyList<string> linkChanges;
        try
        {
            journal.Add($"switch back to generation {current}", () => store.Switch(current));
            store.Switch(t);
            store.MarkBecameCurrent(t);
            var known = InstalledLinks.KnownTargets(store.Numbers().Select(store.Read).OfType<GenerationRecord>());
            linkChanges = new InstalledLinks(root, journal).Reconcile(target, known);
            if (live) SystemdActivation.Reload();
            journal.Commit();
        }
        catch (Exception e) when (e is ApplyException or IOException or UnauthorizedAccessException)
        {
            var problems = journal.Undo();
            bag.Error(e is ApplyException a ? a.Id : DiagnosticIds.ApplyFailed, SourceSpan.FileOnly(generationsFolder),
                $"rollback failed: {e.Message}; generation {current} is still current"
                + (problems.Count == 0 ? "" : "; undoing failed too: " + string.Join("; ", problems)));
            return;
        }
        output.WriteLine($"generation {t} from {target.Source.File} (sha256 {target.Source.Sha256})");
        foreach (var line in ChangeReport.FileChanges(from, target)) output.WriteLine("  " + line);
        foreach (var line in ChangeReport.Merges(target)) output.WriteLine("  " + line);
        foreach (var line in linkChanges.Where(l => l.StartsWith("restore", StringComparison.Ordinal))) output.WriteLine("  " + line);
        output.WriteLine($"switched to generation {t} (was {current})");
        if (!live || options.NoStart) return;
        try
        {
            var vms = ReadManifestVms(store, t);
            foreach (var line in SystemdActivation.StartUnits(vms, ChangeReport.ChangedVms(from, target), from.Vms.Except(target.Vms)))
                output.WriteLine($"units   {line}");
        }
        catch (ApplyException e)
        {
            bag.Error(DiagnosticIds.ApplyFailed, SourceSpan.FileOnly(generationsFolder),
                $"generation {t} is current, but starting its units failed: {e.Message}");
        }
    }

    private static IReadOnlyList<ManifestVm> ReadManifestVms(GenerationStore store, int number)
    {
        try
        {
            return Manifest.Parse(RootFiles.ReadAllText(Path.Join(store.Folder(number), GenerationRecord.ManifestFileName))).Vms;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            throw new ApplyException(DiagnosticIds.ApplyFailed, store.Folder(number), $"cannot read its manifest.json: {e.Message}");
        }
    }
}
