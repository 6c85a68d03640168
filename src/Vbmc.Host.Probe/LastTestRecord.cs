using System.Globalization;
using System.Text.Json;
using Vbmc.Host.Files;
using Vbmc.Lowering;

namespace Vbmc.Host.Probe;

/// <summary>
/// The last `vbmc test` result of an installed VM, kept in /var/lib/vbmc/NAME/last-test.json
/// (0644: `vbmc status` shows it to any user) so that status can say whether the daemons could
/// use the VM when it was last tested. Written with a rename, so a reader never sees half of it.
/// </summary>
/// <param name="Time">When the test ended (UTC, ISO 8601).</param>
/// <param name="FailedCheck">The first check that failed, null when it passed.</param>
public sealed record LastTestRecord(string Time, bool Passed, string? FailedCheck, string Detail)
{
    public const string FileName = "last-test.json";

    public static string PathFor(string root, string vm) =>
        ProbeTargets.UnderRoot(root, InstallLayout.StateDirectory(vm) + "/" + FileName);

    public static LastTestRecord Of(MachineReport machine, DateTimeOffset now)
    {
        var failed = machine.Passed ? null : machine.FirstFailure ?? machine.Checks.FirstOrDefault(c => c.Status == CheckStatus.Skip);
        var detail = failed is null
            ? string.Join(", ", machine.Checks.Select(c => $"{c.Id} {ReportWriter.Status(c.Status)}"))
            : failed.Detail;
        return new LastTestRecord(now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), machine.Passed, failed?.Id, detail);
    }

    /// <summary>
    /// Writes the record of each VM tested whose state folder exists under <paramref name="root"/>
    /// (an installed VM); returns the problems met (the test's own result stands either way).
    /// </summary>
    public static IReadOnlyList<string> WriteAll(string root, ProbeReport report, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (!OperatingSystem.IsLinux()) return problems; // installed VMs exist on Linux hosts only
        // Written as root into the root's state folders: each use resolved beneath it, links in it never followed out.
        using var beneath = RootFiles.Enter(root);
        foreach (var machine in report.Machines)
        {
            if (machine.Target.Vm is not { } vm || !Vbmc.Services.VmNames.IsValid(vm)) continue;
            var path = PathFor(root, vm);
            if (!RootFiles.FolderExists(Path.GetDirectoryName(path)!)) continue;
            var temporary = path + ".tmp";
            try
            {
                RootFiles.DeleteIfPresent(temporary);
                using (var stream = RootFiles.CreateNew(temporary,
                           UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead))
                {
                    JsonSerializer.Serialize(stream, Of(machine, now), LastTestJson.Default.LastTestRecord);
                }
                RootFiles.Rename(temporary, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"cannot record the result in {path}: {e.Message}");
            }
        }
        return problems;
    }

    /// <summary>The VM's last result, or null when it was never tested (or the file is not one vbmc wrote).</summary>
    public static LastTestRecord? Read(string root, string vm)
    {
        try
        {
            if (!OperatingSystem.IsLinux()) return null;
            using var beneath = RootFiles.Enter(root);
            var path = PathFor(root, vm);
            if (RootFiles.Kind(path) is not (UnixFileKind.File, <= 64 * 1024)) return null;
            return JsonSerializer.Deserialize(RootFiles.ReadAllText(path), LastTestJson.Default.LastTestRecord);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(LastTestRecord))]
internal sealed partial class LastTestJson : System.Text.Json.Serialization.JsonSerializerContext;
