using System.Text;
using Vbmc.Diagnostics;
using Vbmc.Lowering;

namespace Vbmc.Host.Apply;

/// <summary>One file of a generation: its record and where its bytes come from.</summary>
/// <param name="Content">The bytes (small files, read and checked against the manifest).</param>
/// <param name="SourcePath">The compile folder's file (large files: copied, or hard-linked from an older generation).</param>
internal sealed record PlannedFile(InstalledFile File, byte[]? Content, string? SourcePath);

/// <summary>
/// What a compile folder installs on a root, computed without changing anything: every file at
/// its host path with its final bytes (machine files with host keys and a person's machines
/// merged), the units' enablement links, and the person's files kept and merged.
/// </summary>
internal sealed class InstallPlan
{
    public required GenerationRecord Record { get; init; }
    public required IReadOnlyList<PlannedFile> Files { get; init; }
    public required byte[] ManifestBytes { get; init; }

    private static readonly UTF8Encoding Utf8 = new(false);

    public static InstallPlan Make(CompileFolder folder, string root, int number, string vbmcVersion, DateTimeOffset now)
    {
        var files = new List<PlannedFile>();
        var links = new List<InstalledLink>();
        var originals = new List<string>();
        var manifest = folder.Manifest;
        foreach (var artifact in manifest.Artifacts)
        {
            var descriptor = folder.DescriptorOf(artifact);
            var installedPath = folder.InstalledPath(artifact);
            switch (descriptor.Merge)
            {
                case InstallMerge.NixMachines:
                {
                    var person = PersonText(root, installedPath);
                    if (person is not null) originals.Add(installedPath);
                    var text = MachineFileMerge.Nix(manifest.Intents.NixMachines, manifest.Source.Sha256,
                        vm => manifest.Vms.FirstOrDefault(v => v.Name == vm) is { } of ? Secrets.HostPublicKey(root, of) : null, person);
                    files.Add(Rendered(installedPath, artifact, Utf8.GetBytes(text)));
                    continue;
                }
                case InstallMerge.GuixMachines when PersonText(root, installedPath) is not null:
                    originals.Add(installedPath);
                    files.Add(Rendered(installedPath, artifact, Utf8.GetBytes(MachineFileMerge.GuixWrapper())));
                    files.Add(Rendered(HostPaths.GuixMachinesOfVbmc, artifact, ReadChecked(folder, artifact)));
                    continue;
            }
            if (descriptor.Large)
            {
                files.Add(new PlannedFile(new InstalledFile(installedPath, artifact.Kind, artifact.Sha256, artifact.Size, artifact.Mode, artifact.Vm),
                    null, folder.PathOf(artifact)));
                continue;
            }
            var content = ReadChecked(folder, artifact);
            files.Add(Rendered(installedPath, artifact, content));
            if (descriptor.Activation == InstallActivation.EnableUnit)
                links.AddRange(EnablementLinks(artifact, installedPath, manifest.Intents.Units, folder.PathOf(artifact)));
        }
        files.Sort((a, b) => string.CompareOrdinal(a.File.Path, b.File.Path));
        links.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        originals.Sort(StringComparer.Ordinal);
        var record = new GenerationRecord
        {
            Number = number,
            Vbmc = vbmcVersion,
            Made = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            Source = manifest.Source,
            Vms = manifest.Vms.Select(v => v.Name).ToList(),
            Files = files.Select(f => f.File).ToList(),
            Links = links,
            Originals = originals,
        };
        return new InstallPlan { Record = record, Files = files, ManifestBytes = folder.ManifestBytes };
    }

    private static PlannedFile Rendered(string hostPath, ManifestArtifact artifact, byte[] content) =>
        new(new InstalledFile(hostPath, artifact.Kind, CompileFolder.Sha256Of(content), content.Length, artifact.Mode, artifact.Vm),
            content, null);

    /// <summary>The artifact's bytes, checked again against the manifest (the folder may change after the first check).</summary>
    private static byte[] ReadChecked(CompileFolder folder, ManifestArtifact artifact)
    {
        var bytes = File.ReadAllBytes(folder.PathOf(artifact));
        if (CompileFolder.Sha256Of(bytes) != artifact.Sha256)
            throw new ApplyException(DiagnosticIds.ApplyFailed, folder.PathOf(artifact),
                "changed while vbmc apply was reading it (its sha256 no longer matches the manifest)");
        return bytes;
    }

    /// <summary>
    /// The text of a person's file at a machine-file path: the one kept at PATH.vbmc-orig, else
    /// the one at PATH when it is not vbmc's; null when there is none.
    /// </summary>
    private static string? PersonText(string root, string hostPath)
    {
        // The kept copy sits beside the path (a link's own folder); each is read inside the root.
        var source = RootFiles.Exists(HostPaths.LinkUnder(root, hostPath) + HostPaths.OriginalSuffix)
            ? HostPaths.Under(root, hostPath + HostPaths.OriginalSuffix)
            : InstalledLinks.Inspect(root, hostPath, [HostPaths.LinkTarget(hostPath)]) == PathState.Other ? HostPaths.Under(root, hostPath)
            : null;
        if (source is null) return null;
        try
        {
            return RootFiles.FolderExists(source) ? null : RootFiles.ReadAllText(source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ApplyException(DiagnosticIds.ApplyConflict, source, $"cannot read your machines file to merge it: {e.Message}",
                "make it a readable file, or move it away");
        }
    }

    /// <summary>
    /// `systemctl enable` as links of the generation: one /etc/systemd/system/TARGET.wants/ link
    /// per target of the unit's intent (its [Install] WantedBy=, as data in the manifest), so that
    /// enabling is installed, switched and rolled back with the unit itself, also in a --root.
    /// </summary>
    private static IEnumerable<InstalledLink> EnablementLinks(ManifestArtifact artifact, string installedPath, IReadOnlyList<ManifestUnit> units, string unitFile)
    {
        var unitName = Path.GetFileName(installedPath);
        var unitFolder = Path.GetDirectoryName(installedPath)!;
        foreach (var unit in units.Where(u => u.Vm == artifact.Vm))
        {
            if (unit.Name != unitName)
                throw new ApplyException(DiagnosticIds.ApplyFailed, unitFile, $"the manifest enables unit '{unit.Name}', not the VM's '{unitName}'");
            foreach (var target in unit.WantedBy)
            {
                if (!IsUnitName(target))
                    throw new ApplyException(DiagnosticIds.ApplyFailed, unitFile, $"unsupported: WantedBy={target} is not a unit name");
                yield return new InstalledLink($"{unitFolder}/{target}.wants/{unitName}", "../" + unitName, artifact.Vm);
            }
        }
    }

    private static bool IsUnitName(string name) =>
        name.Length is > 0 and <= 255 && name is not ("." or "..") && name.Contains('.')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.' or '\\' or '@');
}
