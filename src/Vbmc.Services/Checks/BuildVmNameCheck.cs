using Vbmc.Diagnostics;

namespace Vbmc.Services.Checks;

/// <summary>VMs' names must be unique and follow <see cref="VmNames"/>' rule.</summary>
public sealed class BuildVmNameCheck : IServiceCheck
{
    private const int MaxAccountNameLength = VmNames.MaxAccountNameLength;
    private const string AccountPrefix = VmNames.AccountPrefix;

    public static bool IsValidName(string name) => VmNames.IsValid(name);

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
            else if (VmNames.Reserved.Contains(name))
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
