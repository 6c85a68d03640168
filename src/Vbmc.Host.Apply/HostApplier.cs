using Vbmc.Diagnostics;
using Vbmc.Lowering;

namespace Vbmc.Host.Apply;

/// <summary>
/// `vbmc apply DIR`: installs a compile folder on a root as a new generation (see
/// <see cref="HostPaths"/> and <see cref="GenerationRecord"/>), in the steps of
/// <see cref="ApplySteps"/>. Every step up to reload-units is undone when one fails; what is not
/// generation-managed (accounts, folders, secrets) is only ever added, never undone.
/// </summary>
public static class HostApplier
{
    public static IReadOnlyList<Diagnostic> Apply(string compileDirectory, ApplyOptions options)
    {
        Vbmc.Processes.CreationMask.UseStandard(); // the modes of what apply makes do not depend on the caller's umask
        var bag = new DiagnosticBag();
        try
        {
            Run(compileDirectory, options, bag);
        }
        catch (ApplyException e)
        {
            bag.Add(e.ToDiagnostic());
        }
        catch (HostLockedException e)
        {
            bag.Error(DiagnosticIds.ApplyFailed, SourceSpan.FileOnly(e.Path), e.Message, "wait for it to finish");
        }
        catch (InjectedFaultException e)
        {
            bag.Error(DiagnosticIds.ApplyFailed, SourceSpan.FileOnly(compileDirectory), $"apply failed: {e.Message}; nothing was changed");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(options.Root), $"apply failed before changing anything: {e.Message}");
        }
        return bag.Items;
    }

    private static void Run(string compileDirectory, ApplyOptions options, DiagnosticBag bag)
    {
        FaultInjection.At(ApplySteps.Verify, options);
        var folder = CompileFolder.Open(compileDirectory, options.Artifacts, bag);
        if (folder is null) return;
        var root = Path.GetFullPath(options.Root);
        if (!Directory.Exists(root))
        {
            bag.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(options.Root), "the root folder does not exist");
            return;
        }
        using var beneath = RootFiles.Enter(root);
        var store = new GenerationStore(root);
        var output = options.Out;
        if (options.DryRun)
        {
            DryRun(folder, store, options, bag);
            return;
        }

        using var hostLock = HostLock.Take(root);
        FaultInjection.At(ApplySteps.Recover, options);
        foreach (var line in Recovery.Run(store)) output.WriteLine($"recover {line}");

        var previousNumber = store.Current;
        var previous = store.ReadCurrent();
        var number = store.NextNumber();
        var plan = InstallPlan.Make(folder, root, number, options.VbmcVersion, DateTimeOffset.UtcNow);
        if (!NoConflicts(root, store, plan.Record, bag)) return;

        var vms = folder.Manifest.Vms;
        var accountsMissing = Accounts.Missing(root, folder.Manifest.Intents.Accounts);
        var foldersMissing = Folders.Missing(root, folder.Manifest.Intents.Folders);
        IReadOnlyList<string> secretsMissing = [.. Secrets.Missing(root, vms), .. StoreDisks.Missing(root, vms)];
        foreach (var note in StoreDisks.SizeNotes(root, vms)) output.WriteLine("note: " + note);
        if (SameGeneration(store, previous, plan) && accountsMissing.Count == 0 && foldersMissing.Count == 0 && secretsMissing.Count == 0)
        {
            output.WriteLine($"nothing to do: generation {previousNumber} is current and installs {compileDirectory} as it is");
            return;
        }

        var live = SystemdActivation.IsLive(root);
        var journal = new UndoJournal();
        // Registered first so that it runs last in an undo: systemd then reads the restored units.
        if (live) journal.Add("systemctl daemon-reload", SystemdActivation.Reload);
        var step = ApplySteps.Stage;
        GenerationRecord target;
        var newGeneration = false;
        IReadOnlyList<string> secretsMade;
        IReadOnlyList<string> disksMade;
        IReadOnlyList<string> linkChanges;
        try
        {
            FaultInjection.At(step, options);
            var staging = store.StagingFolder(number);
            RootFiles.CreateFolder(store.GenerationsFolder);
            Recovery.DeleteTree(staging);
            RootFiles.CreateFolder(staging);
            journal.Add($"remove {staging}", () => Recovery.DeleteTree(staging));
            Staging.WriteFiles(store, staging, plan.Files.Where(f => !IsMerged(folder, f.File.Kind)));
            Staging.Write(Path.Join(staging, GenerationRecord.ManifestFileName), plan.ManifestBytes, "0644");

            step = ApplySteps.Accounts;
            FaultInjection.At(step, options);
            LinkRefusal.RefuseLinks(root, Accounts.Files, "systemd-sysusers");
            Accounts.Create(root, StagedFiles(staging, plan, folder, InstallActivation.MakeAccounts));

            step = ApplySteps.Folders;
            FaultInjection.At(step, options);
            Folders.Create(root, StagedFiles(staging, plan, folder, InstallActivation.MakeFolders), folder.Manifest.Intents.Folders);

            step = ApplySteps.Secrets;
            FaultInjection.At(step, options);
            secretsMade = Secrets.Make(root, vms);
            disksMade = StoreDisks.Make(root, vms);

            step = ApplySteps.MachineFiles;
            FaultInjection.At(step, options);
            // Again, now that every VM has its host key.
            var final = InstallPlan.Make(folder, root, number, options.VbmcVersion, DateTimeOffset.UtcNow);
            if (!NoConflicts(root, store, final.Record, bag)) throw new ConflictsReportedException();
            Staging.WriteFiles(store, staging, final.Files.Where(f => IsMerged(folder, f.File.Kind)));
            Staging.Write(Path.Join(staging, GenerationRecord.FileName), System.Text.Encoding.UTF8.GetBytes(final.Record.ToJson()), "0644");
            newGeneration = !SameGeneration(store, previous, final);
            if (!newGeneration) Recovery.DeleteTree(staging);
            target = newGeneration ? final.Record : previous!;

            step = ApplySteps.Seal;
            FaultInjection.At(step, options);
            if (newGeneration)
            {
                Staging.Seal(store, number);
                journal.Add($"remove generation {number}", () => Recovery.DeleteTree(store.Folder(number)));
            }

            step = ApplySteps.Switch;
            FaultInjection.At(step, options);
            if (newGeneration)
            {
                journal.Add($"switch back to generation {previousNumber}", () => store.Switch(previousNumber));
                store.Switch(number);
                store.MarkBecameCurrent(number);
            }

            step = ApplySteps.Link;
            FaultInjection.At(step, options);
            var known = InstalledLinks.KnownTargets(store.Numbers().Select(store.Read).OfType<GenerationRecord>());
            linkChanges = new InstalledLinks(root, journal).Reconcile(target, known);

            step = ApplySteps.ReloadUnits;
            FaultInjection.At(step, options);
            if (live) SystemdActivation.Reload();
            journal.Commit();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var problems = journal.Undo();
            if (e is ConflictsReportedException) return;
            var message = e is ApplyException or InjectedFaultException or IOException or UnauthorizedAccessException
                ? e.Message : $"{e.GetType().Name}: {e.Message}";
            var state = previousNumber is { } p ? $"generation {p} is still current" : "no generation is installed";
            var undo = problems.Count == 0 ? "" : "; undoing failed too: " + string.Join("; ", problems);
            bag.Add(Diagnostic.Error(e is ApplyException a ? a.Id : DiagnosticIds.ApplyFailed,
                SourceSpan.FileOnly(e is ApplyException x ? x.File : compileDirectory),
                $"apply failed at step '{step}': {message}; nothing was changed ({state}; accounts, folders and secrets made so far are kept){undo}",
                (e as ApplyException)?.Hint));
            return;
        }

        Report(output, previous, target, newGeneration, accountsMissing, foldersMissing, secretsMade, disksMade, linkChanges, live);
        if (BootCheck.UnitsOnAnotherFileSystem(root) is { } warning) bag.Add(warning);
        if (newGeneration) output.WriteLine($"switched to generation {number}" + (previousNumber is { } was ? $" (was {was})" : ""));
        else output.WriteLine($"generation {previousNumber} stays current (its files are unchanged)");
        if (!Accounts.IsHostRoot(root))
            output.WriteLine($"note: the installed files name host paths ({InstallLayout.SecretRoot}/NAME, {InstallLayout.StateRoot}/NAME, "
                             + $"{InstallLayout.SshConfigFile}...): they work once {root} is the root (a chroot, a container or an image); "
                             + "machine files and units there do nothing for this host's daemons");

        try
        {
            FaultInjection.At(ApplySteps.StartUnits, options);
            if (live && !options.NoStart)
            {
                var changed = ChangeReport.ChangedVms(previous, target);
                foreach (var vm in secretsMade.Where(s => s.EndsWith("/secrets.tar", StringComparison.Ordinal)))
                    changed.Add(vm.Split('/')[^2]);
                var dropped = (previous?.Vms ?? []).Except(target.Vms);
                foreach (var line in SystemdActivation.StartUnits(folder.Manifest.Vms, changed, dropped)) output.WriteLine($"units   {line}");
            }
        }
        catch (Exception e) when (e is ApplyException or InjectedFaultException or IOException)
        {
            bag.Error(DiagnosticIds.ApplyFailed, SourceSpan.FileOnly(compileDirectory),
                $"generation {store.Current} is installed, but starting its units failed: {e.Message}",
                "see `systemctl status vbmc-NAME.service`; `vbmc rollback` returns to the previous generation");
        }
    }

    private sealed class ConflictsReportedException : Exception;

    /// <summary>Files merged with a person's (the machine files): written after the keys they carry are made.</summary>
    private static bool IsMerged(CompileFolder folder, ArtifactKind kind) => folder.Catalog.Of(kind)?.Merge is not (null or InstallMerge.Replace);

    private static IReadOnlyList<string> StagedFiles(string staging, InstallPlan plan, CompileFolder folder, InstallActivation activation) =>
        plan.Files.Where(f => folder.Catalog.Of(f.File.Kind)?.Activation == activation).Select(f => HostPaths.InGeneration(staging, f.File.Path)).ToList();

    /// <summary>True when the plan installs exactly what the current generation does, from the same manifest.</summary>
    private static bool SameGeneration(GenerationStore store, GenerationRecord? current, InstallPlan plan)
    {
        if (current is null || !current.SameContent(plan.Record)) return false;
        var manifest = Path.Join(store.Folder(current.Number), GenerationRecord.ManifestFileName);
        return RootFiles.FileExists(manifest) && RootFiles.ReadAllBytes(manifest).AsSpan().SequenceEqual(plan.ManifestBytes);
    }

    internal static bool NoConflicts(string root, GenerationStore store, GenerationRecord record, DiagnosticBag bag)
    {
        var known = InstalledLinks.KnownTargets(store.Numbers().Select(store.Read).OfType<GenerationRecord>());
        var conflicts = InstalledLinks.Conflicts(root, record, known).ToList();
        foreach (var conflict in conflicts) bag.Add(conflict.ToDiagnostic());
        return conflicts.Count == 0;
    }

    private static void Report(TextWriter output, GenerationRecord? previous, GenerationRecord target, bool newGeneration,
        IReadOnlyList<string> accounts, IReadOnlyList<string> folders, IReadOnlyList<string> secrets, IReadOnlyList<string> disks,
        IReadOnlyList<string> links, bool live)
    {
        if (newGeneration)
        {
            output.WriteLine($"generation {target.Number} from {target.Source.File} (sha256 {target.Source.Sha256})");
            foreach (var line in ChangeReport.FileChanges(previous, target)) output.WriteLine("  " + line);
            foreach (var line in ChangeReport.Merges(target)) output.WriteLine("  " + line);
        }
        foreach (var account in accounts) output.WriteLine($"  account {account}");
        foreach (var folder in folders) output.WriteLine($"  folder  {folder}");
        foreach (var secret in secrets) output.WriteLine($"  secret  {secret}");
        foreach (var disk in disks) output.WriteLine($"  disk    {disk}");
        foreach (var link in links.Where(l => l.StartsWith("restore", StringComparison.Ordinal))) output.WriteLine($"  {link}");
        if (live) output.WriteLine("  units   systemctl daemon-reload");
    }

    private static void DryRun(CompileFolder folder, GenerationStore store, ApplyOptions options, DiagnosticBag bag)
    {
        var output = options.Out;
        var root = store.Root;
        var current = store.ReadCurrent();
        var number = store.NextNumber();
        var plan = InstallPlan.Make(folder, root, number, options.VbmcVersion, DateTimeOffset.UtcNow);
        if (!NoConflicts(root, store, plan.Record, bag)) return;
        var vms = folder.Manifest.Vms;
        var accounts = Accounts.Missing(root, folder.Manifest.Intents.Accounts);
        var folders = Folders.Missing(root, folder.Manifest.Intents.Folders);
        var secrets = Secrets.Missing(root, vms);
        var disks = StoreDisks.Missing(root, vms);
        foreach (var note in StoreDisks.SizeNotes(root, vms)) output.WriteLine("note: " + note);
        var same = SameGeneration(store, current, plan);
        if (same && accounts.Count == 0 && folders.Count == 0 && secrets.Count == 0 && disks.Count == 0)
        {
            output.WriteLine($"nothing to do: generation {current!.Number} is current and installs {folder.Directory} as it is");
            return;
        }
        output.WriteLine("dry run: nothing is changed; vbmc apply would:");
        if (!same)
        {
            output.WriteLine($"  make generation {number} from {plan.Record.Source.File} (sha256 {plan.Record.Source.Sha256})"
                             + (current is null ? "" : $", replacing generation {current.Number}"));
            foreach (var line in ChangeReport.FileChanges(current, plan.Record)) output.WriteLine("  " + line);
            foreach (var line in ChangeReport.Merges(plan.Record)) output.WriteLine("  " + line);
            if (secrets.Any(s => s.EndsWith("ssh_host_ed25519_key", StringComparison.Ordinal)) && plan.Record.Files.Any(f => folder.Catalog.Of(f.Kind)?.Merge == InstallMerge.NixMachines))
                output.WriteLine($"  (the host keys it makes go into {HostPaths.NixMachines})");
        }
        foreach (var account in accounts) output.WriteLine($"  account {account}");
        foreach (var f in folders) output.WriteLine($"  folder  {f}");
        foreach (var secret in secrets) output.WriteLine($"  secret  {secret}");
        foreach (var disk in disks) output.WriteLine($"  disk    {disk}");
        if (SystemdActivation.IsLive(root))
        {
            output.WriteLine("  units   systemctl daemon-reload");
            if (!options.NoStart)
            {
                var changed = ChangeReport.ChangedVms(current, plan.Record);
                foreach (var vm in folder.Manifest.Vms)
                {
                    var unit = HostPaths.SystemdUnitName(vm.Name);
                    if (vm.AutoStart) output.WriteLine($"  units   systemctl {(changed.Contains(vm.Name) ? "restart" : "start")} {unit}");
                    else if (changed.Contains(vm.Name)) output.WriteLine($"  units   systemctl try-restart {unit}");
                }
                foreach (var vm in (current?.Vms ?? []).Except(vms.Select(v => v.Name))) output.WriteLine($"  units   systemctl stop {HostPaths.SystemdUnitName(vm)}");
            }
        }
        else
        {
            output.WriteLine("  units   none started: " + (Accounts.IsHostRoot(root) ? "systemd is not running" : "--root is not /"));
        }
    }
}
