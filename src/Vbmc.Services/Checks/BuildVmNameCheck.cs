using System.Text.RegularExpressions;
using Vbmc.Diagnostics;

namespace Vbmc.Services.Checks;

/// <summary>
/// A VM's name becomes its Shepherd service and systemd unit (<c>NAME.service</c>), its host
/// account and group (<c>build-vm-NAME</c>) and its secrets folder: it must be unique and fit the
/// strictest of those, a portable user name (useradd: at most 32 characters of
/// <c>[a-z_][a-z0-9_-]*</c>), which also makes a valid unit name and file name.
/// </summary>
public sealed partial class BuildVmNameCheck : IServiceCheck
{
    public const int MaxAccountNameLength = 32;
    public const string AccountPrefix = "build-vm-";

    [GeneratedRegex("^[a-z_][a-z0-9_-]*$")]
    private static partial Regex UserName();

    /// <summary>Names of vbmc's own folders beside the VMs' in /var/lib/vbmc and /etc/vbmc.</summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal) { "current", "generations", "shepherd" };

    public static bool IsValidName(string name) =>
        name.Length > 0 && (AccountPrefix + name).Length <= MaxAccountNameLength && UserName().IsMatch(AccountPrefix + name);

    public void Run(ServiceGraphView graph, DiagnosticBag diagnostics)
    {
        var byName = new Dictionary<string, BuildVm>(StringComparer.Ordinal);
        foreach (var vm in BuildVm.All(graph))
        {
            if (vm.Name is not { } name) continue; // not a symbol: a type error already
            if (!IsValidName(name))
            {
                diagnostics.Error(DiagnosticIds.InvalidBuildVmName, vm.PlaceOf("name"),
                    $"virtual build machine name '{name}' cannot name its account '{AccountPrefix}{name}' and service: " +
                    $"the account name must be at most {MaxAccountNameLength} characters of a-z, 0-9, '_' and '-'",
                    $"use a short lower-case name of at most {MaxAccountNameLength - AccountPrefix.Length} characters, such as 'build-vm'");
            }
            else if (ReservedNames.Contains(name))
            {
                diagnostics.Error(DiagnosticIds.InvalidBuildVmName, vm.PlaceOf("name"),
                    $"virtual build machine name '{name}' is reserved: vbmc keeps its own '{name}' folder beside the VMs' in /var/lib/vbmc and /etc/vbmc",
                    "choose another name");
            }
            if (byName.TryGetValue(name, out var first))
            {
                diagnostics.Add(new Diagnostic(DiagnosticIds.DuplicateBuildVmName, Severity.Error, vm.PlaceOf("name"),
                    $"two virtual build machines are named '{name}'",
                    "each build VM needs its own name: it names the VM's service, account and files",
                    [first.Related("name", $"the other '{name}' is here")]));
                continue;
            }
            byName[name] = vm;
        }
    }
}
