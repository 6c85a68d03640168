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
            switch (artifact.Kind)
            {
                case ArtifactKind.NixMachines:
                {
                    var person = PersonText(root, HostPaths.NixMachines);
                    if (person is not null) originals.Add(HostPaths.NixMachines);
                    var text = MachineFileMerge.Nix(Utf8.GetString(ReadChecked(folder, artifact)), manifest.Vms,
                        vm => Secrets.HostPublicKey(root, vm), person);
                    files.Add(Rendered(HostPaths.NixMachines, artifact, Utf8.GetBytes(text)));
                    break;
                }
                case ArtifactKind.GuixMachines when PersonText(root, HostPaths.GuixMachines) is not null:
                    originals.Add(HostPaths.GuixMachines);
                    files.Add(Rendered(HostPaths.GuixMachines, artifact, Utf8.GetBytes(MachineFileMerge.GuixWrapper())));
                    files.Add(Rendered(HostPaths.GuixMachinesOfVbmc, artifact, ReadChecked(folder, artifact)));
                    break;
                case ArtifactKind.SystemdUnit:
                {
                    var content = ReadChecked(folder, artifact);
                    files.Add(Rendered(HostPaths.InstalledPath(artifact), artifact, content));
                    links.AddRange(EnablementLinks(artifact, Utf8.GetString(content), folder.PathOf(artifact)));
                    break;
                }
                default:
                    var installed = new InstalledFile(HostPaths.InstalledPath(artifact), artifact.Kind, artifact.Sha256,
                        artifact.Size, artifact.Mode, artifact.Vm);
                    files.Add(HostPaths.IsLarge(artifact.Kind)
                        ? new PlannedFile(installed, null, folder.PathOf(artifact))
                        : new PlannedFile(installed, ReadChecked(folder, artifact), null));
                    break;
            }
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

    /// <summary>The sysusers.d and tmpfiles.d texts of the plan (for --dry-run's accounts and folders).</summary>
    public IEnumerable<string> TextsOf(ArtifactKind kind) =>
        Files.Where(f => f.File.Kind == kind && f.Content is not null).Select(f => Utf8.GetString(f.Content!));

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
        var full = HostPaths.Under(root, hostPath);
        var original = full + HostPaths.OriginalSuffix;
        var source = Posix.Identity(original) is not null ? original
            : InstalledLinks.Inspect(root, hostPath, [HostPaths.LinkTarget(hostPath)]) == PathState.Other ? full
            : null;
        if (source is null) return null;
        try
        {
            return Directory.Exists(source) ? null : File.ReadAllText(source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ApplyException(DiagnosticIds.ApplyConflict, source, $"cannot read your machines file to merge it: {e.Message}",
                "make it a readable file, or move it away");
        }
    }

    /// <summary>
    /// `systemctl enable` as links of the generation: one /etc/systemd/system/TARGET.wants/ (or
    /// .requires/) link per WantedBy= (RequiredBy=) of the unit's [Install] section, so that
    /// enabling is installed, switched and rolled back with the unit itself, also in a --root.
    /// </summary>
    private static IEnumerable<InstalledLink> EnablementLinks(ManifestArtifact artifact, string unit, string unitFile)
    {
        var unitName = HostPaths.SystemdUnitName(artifact.Vm!);
        var section = "";
        foreach (var raw in unit.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line;
                continue;
            }
            if (section != "[Install]" || line.Length == 0 || line[0] is '#' or ';') continue;
            var equals = line.IndexOf('=');
            var key = equals < 0 ? line : line[..equals].Trim();
            var suffix = key switch
            {
                "WantedBy" => ".wants",
                "RequiredBy" => ".requires",
                _ => throw new ApplyException(DiagnosticIds.ApplyFailed, unitFile,
                    $"unsupported: [Install] {key}= (vbmc apply enables units by WantedBy= and RequiredBy= only)"),
            };
            foreach (var target in line[(equals + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (target.Contains('/') || target is "." or "..")
                    throw new ApplyException(DiagnosticIds.ApplyFailed, unitFile, $"unsupported: {key}={target} is not a unit name");
                yield return new InstalledLink($"{HostPaths.SystemdUnitFolder}/{target}{suffix}/{unitName}", "../" + unitName, artifact.Vm);
            }
        }
    }
}
