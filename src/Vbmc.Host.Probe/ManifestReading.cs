using System.Text.Json;
using Vbmc.Diagnostics;
using Vbmc.Host.Files;
using Vbmc.Lowering;

namespace Vbmc.Host.Probe;

/// <summary>
/// Reads a manifest that vbmc acts on (a compile folder's, or the installed generation's) and
/// refuses one that names a VM compile would not write: its name becomes paths (/etc/vbmc/NAME,
/// /var/lib/vbmc/NAME) and reaches the terminal, and its keys and account reach ssh. Shared by
/// `vbmc test` and the verbs that operate installed VMs (start, stop, status, ssh...).
/// </summary>
public static class ManifestReading
{
    /// <summary>The manifest at <paramref name="path"/>, or the diagnostic that says why it cannot be used.</summary>
    public static (Manifest? Manifest, Diagnostic? Problem) Read(string path, string hintWhenMissing)
    {
        string json;
        try
        {
            // Beneath the --root when the caller entered its scope (RootFiles): links lead inside it.
            json = OperatingSystem.IsLinux() ? RootFiles.ReadAllText(path) : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var missing = e is FileNotFoundException or DirectoryNotFoundException;
            var reason = missing ? "No such file or directory" : e is UnauthorizedAccessException ? "Permission denied" : e.Message;
            return (null, Diagnostic.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(path), $"cannot open {path}: {reason}",
                missing ? hintWhenMissing : null));
        }
        Manifest manifest;
        try
        {
            manifest = Manifest.Parse(json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            return (null, Diagnostic.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(path), $"{path} is not a vbmc manifest: {e.Message}"));
        }
        if (manifest.Schema != Manifest.CurrentSchema)
        {
            return (null, Diagnostic.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(path),
                $"{path} has manifest schema {manifest.Schema}; this vbmc reads schema {Manifest.CurrentSchema}"));
        }
        foreach (var vm in manifest.Vms ?? [])
        {
            if (!IsAsCompileWrites(vm))
            {
                return (null, Diagnostic.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(path),
                    $"{path} names a VM '{ReportWriter.Printable(vm?.Name ?? "")}' whose name, keys or account vbmc compile does not write",
                    "use only manifests written by `vbmc compile`"));
            }
        }
        return (manifest, null);
    }

    /// <summary>A VM entry as compile writes it: a valid, unreserved name, its own keys, a portable guest account.</summary>
    public static bool IsAsCompileWrites(ManifestVm? vm) =>
        vm?.Name is { } name && Vbmc.Services.VmNames.IsValid(name) && !Vbmc.Services.VmNames.Reserved.Contains(name)
        && !(vm.Keys is { } keys && (keys.GuestHostKey is null || keys.OffloadKey is null || keys.GuestHostKeyOwner is null || !keys.IsValidFor(name)))
        && !(vm.GuestUser is { } user && !Vbmc.Services.VmNames.IsAccountName(user));
}
