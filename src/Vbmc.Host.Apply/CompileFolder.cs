using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vbmc.Diagnostics;
using Vbmc.Lowering;

namespace Vbmc.Host.Apply;

/// <summary>
/// A folder made by <c>vbmc compile</c>, read and checked before apply changes anything: the
/// manifest parses, names only VMs and paths vbmc itself writes (the manifest is input: a VM
/// named "../x" must never reach a path), and every artifact has the size and sha256 the manifest
/// says (a tampered or half-copied folder is refused).
/// </summary>
public sealed partial class CompileFolder
{
    public string Directory { get; }
    public Manifest Manifest { get; }

    /// <summary>The descriptors the folder was checked against (each artifact's kind has one).</summary>
    public ArtifactCatalog Catalog { get; }

    public ArtifactDescriptor DescriptorOf(ManifestArtifact artifact) => Catalog.Of(artifact.Kind)!;

    public string InstalledPath(ManifestArtifact artifact) => DescriptorOf(artifact).InstalledPath(artifact.Vm, artifact.Path);

    /// <summary>The manifest's exact bytes (kept in every generation; `vbmc test` reads it there).</summary>
    public byte[] ManifestBytes { get; }

    private CompileFolder(string directory, Manifest manifest, byte[] manifestBytes, ArtifactCatalog catalog)
    {
        Catalog = catalog;
        Directory = directory;
        Manifest = manifest;
        ManifestBytes = manifestBytes;
    }

    public string PathOf(ManifestArtifact artifact) => Path.Join(Directory, artifact.Path);

    [GeneratedRegex("^[0-7]{3,4}$")]
    private static partial Regex OctalMode();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    /// <summary>Reads and verifies DIR; null (with diagnostics) when it cannot be applied.</summary>
    public static CompileFolder? Open(string directory, ArtifactCatalog catalog, DiagnosticBag diagnostics)
    {
        var manifestPath = Path.Join(directory, InstallLayout.ManifestPath);
        if (!System.IO.Directory.Exists(directory))
        {
            diagnostics.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(directory), "no such folder",
                "give the folder `vbmc compile FILE -o DIR` wrote");
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(manifestPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(manifestPath), $"cannot read the manifest: {e.Message}",
                "this folder was not made by `vbmc compile FILE -o DIR`, or not completely");
            return null;
        }
        Manifest manifest;
        try
        {
            manifest = Manifest.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            diagnostics.Error(DiagnosticIds.ApplyFailed, SourceSpan.FileOnly(manifestPath), $"not a vbmc manifest: {e.Message}");
            return null;
        }
        var errorsBefore = diagnostics.Items.Count(d => d.Severity == Severity.Error);
        CheckShape(manifest, manifestPath, catalog, diagnostics);
        if (diagnostics.Items.Count(d => d.Severity == Severity.Error) > errorsBefore) return null;
        var folder = new CompileFolder(directory, manifest, bytes, catalog);
        foreach (var artifact in manifest.Artifacts) folder.Verify(artifact, diagnostics);
        return diagnostics.Items.Count(d => d.Severity == Severity.Error) > errorsBefore ? null : folder;
    }

    private static void CheckShape(Manifest manifest, string manifestPath, ArtifactCatalog catalog, DiagnosticBag diagnostics)
    {
        var at = SourceSpan.FileOnly(manifestPath);
        if (manifest.Schema != Manifest.CurrentSchema)
        {
            diagnostics.Error(DiagnosticIds.ApplyFailed, at,
                $"unsupported: manifest schema {manifest.Schema} (this vbmc reads schema {Manifest.CurrentSchema})",
                "compile the configuration again with this vbmc");
            return;
        }
        if (manifest.Vms is null || manifest.Artifacts is null || manifest.Source is null)
        {
            diagnostics.Error(DiagnosticIds.ApplyFailed, at, "manifest lacks its VMs, artifacts or source");
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vm in manifest.Vms)
        {
            if (vm?.Name is not { } name || !Vbmc.Services.VmNames.IsValid(name))
                diagnostics.Error(DiagnosticIds.ApplyFailed, at, $"manifest names a VM '{vm?.Name}' that vbmc cannot name an account after");
            else if (!names.Add(name))
                diagnostics.Error(DiagnosticIds.ApplyFailed, at, $"manifest lists the VM '{name}' twice");
            else if (Vbmc.Services.VmNames.Reserved.Contains(name))
                diagnostics.Error(DiagnosticIds.ApplyConflict, at,
                    $"a VM named '{name}' would share its folders with vbmc's own ({InstallLayout.StateRoot}/{name} or {InstallLayout.SecretRoot}/{name})",
                    "rename the virtual build machine");
            else if (vm.Account != InstallLayout.AccountName(name))
                diagnostics.Error(DiagnosticIds.ApplyFailed, at, $"manifest gives the VM '{name}' the account '{vm.Account}', not {InstallLayout.AccountName(name)}");
            else if (vm.Keys is { } keys && (keys.GuestHostKey is null || keys.OffloadKey is null || keys.GuestHostKeyOwner is null || !keys.IsValidFor(name)))
                diagnostics.Error(DiagnosticIds.ApplyFailed, at, $"manifest gives the VM '{name}' keys outside its folder {InstallLayout.SecretDirectory(name)}/ or an owner vbmc does not give them",
                    "apply only folders written by `vbmc compile`");
            else if (vm.GuestUser is { } user && !Vbmc.Services.VmNames.IsAccountName(user))
                diagnostics.Error(DiagnosticIds.ApplyFailed, at, $"manifest names a guest account '{user}' for the VM '{name}' that is not an account name");
        }
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var artifact in manifest.Artifacts)
        {
            if (artifact?.Path is not { } path)
            {
                diagnostics.Error(DiagnosticIds.ApplyFailed, at, "manifest has an artifact without a path");
                continue;
            }
            var descriptor = catalog.Of(artifact.Kind);
            var vmOk = descriptor is not null && (descriptor.PerVm ? artifact.Vm is not null && names.Contains(artifact.Vm) : artifact.Vm is null);
            if (!vmOk || !descriptor!.CompilePaths(artifact.Vm).Contains(path))
                diagnostics.Error(DiagnosticIds.ApplyFailed, at,
                    $"unexpected artifact '{path}' ({artifact.Kind}{(artifact.Vm is null ? "" : " of VM " + artifact.Vm)}): vbmc compile does not write it",
                    "apply only folders written by `vbmc compile`");
            else if (!paths.Add(descriptor.InstalledPath(artifact.Vm, path)))
                diagnostics.Error(DiagnosticIds.ApplyFailed, at, $"manifest lists two artifacts that install to {descriptor.InstalledPath(artifact.Vm, path)}");
            if (artifact.Sha256 is null || !Sha256Hex().IsMatch(artifact.Sha256))
                diagnostics.Error(DiagnosticIds.ApplyFailed, at, $"artifact '{path}' has no valid sha256 in the manifest");
            if (artifact.Mode is null || !OctalMode().IsMatch(artifact.Mode) || (Convert.ToInt32(artifact.Mode, 8) & ~0x1ff) != 0)
                diagnostics.Error(DiagnosticIds.ApplyFailed, at, $"artifact '{path}' has an invalid mode '{artifact.Mode}'");
        }
        CheckIntents(manifest.Intents, names, at, diagnostics);
    }

    /// <summary>
    /// The intents name only the manifest's VMs and what their layout says (apply acts on them:
    /// a hand-edited manifest must not make it enable another unit or fill another key).
    /// </summary>
    private static void CheckIntents(ManifestIntents? intents, IReadOnlySet<string> vms, SourceSpan at, DiagnosticBag diagnostics)
    {
        if (intents?.Accounts is null || intents.Folders is null || intents.Units is null || intents.NixMachines is null)
        {
            diagnostics.Error(DiagnosticIds.ApplyFailed, at, "manifest lacks its intents (accounts, folders, units, nixMachines)",
                "compile the configuration again with this vbmc");
            return;
        }
        void Bad(string what) => diagnostics.Error(DiagnosticIds.ApplyFailed, at, $"manifest intents: {what}", "apply only folders written by `vbmc compile`");
        foreach (var a in intents.Accounts)
        {
            var ofVm = a?.Vm is { } vm && vms.Contains(vm) && a.Name == InstallLayout.AccountName(vm) && a.Group == a.Name;
            var ofConfiguration = a is { Vm: null } && (a.Name is null || Vbmc.Services.VmNames.IsAccountName(a.Name));
            if (a is null || !(ofVm || ofConfiguration) || a.Group is null || !Vbmc.Services.VmNames.IsAccountName(a.Group)
                || a.SupplementaryGroups is null || a.SupplementaryGroups.Any(g => g is null || !Vbmc.Services.VmNames.IsAccountName(g)))
                Bad($"an account that is not a VM's ('{a?.Name}')");
        }
        foreach (var f in intents.Folders)
        {
            if (f?.Vm is null || !vms.Contains(f.Vm) || f.Path is null
                || !(f.Path.StartsWith(InstallLayout.StateRoot, StringComparison.Ordinal) || f.Path.StartsWith(InstallLayout.SecretRoot, StringComparison.Ordinal)
                     || f.Path.StartsWith(InstallLayout.LogRoot, StringComparison.Ordinal)))
                Bad($"a folder outside vbmc's ('{f?.Path}')");
        }
        foreach (var u in intents.Units)
        {
            if (u?.Vm is null || !vms.Contains(u.Vm) || u.Name != HostPaths.SystemdUnitName(u.Vm) || u.WantedBy is null)
                Bad($"a unit that is not a VM's ('{u?.Name}')");
        }
        foreach (var m in intents.NixMachines)
        {
            if (m?.Fields is not { Count: 8 } fields || fields.Any(f => f is null || f.Length == 0 || f.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                || (m.HostKeyOf is { } vm && !vms.Contains(vm)))
                Bad("a nix/machines line that is not eight fields of a known VM or machine");
        }
    }

    private void Verify(ManifestArtifact artifact, DiagnosticBag diagnostics)
    {
        var path = PathOf(artifact);
        var at = SourceSpan.FileOnly(path);
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null)
        {
            diagnostics.Error(DiagnosticIds.ApplyFailed, at, "listed in manifest.json but missing (or not a regular file)",
                "the folder is incomplete: compile again, or copy the whole folder");
            return;
        }
        if (info.Length != artifact.Size)
        {
            diagnostics.Error(DiagnosticIds.ApplyFailed, at, $"size {info.Length} differs from the manifest's {artifact.Size}",
                "the folder was changed or half-copied after `vbmc compile`: compile again");
            return;
        }
        string actual;
        try
        {
            actual = Sha256OfFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticIds.IoError, at, $"cannot read: {e.Message}");
            return;
        }
        if (actual != artifact.Sha256)
            diagnostics.Error(DiagnosticIds.ApplyFailed, at, $"sha256 {actual} differs from the manifest's {artifact.Sha256}",
                "the folder was changed after `vbmc compile`: compile again");
    }

    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
