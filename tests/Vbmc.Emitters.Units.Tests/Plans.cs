using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Units.Tests;

/// <summary>Real plans, lowered once per test run, and the configuration files every emitter must handle.</summary>
public static class Plans
{
    private static readonly Lazy<VmPlan> DefaultLazy = new(() => LoweredPlans.Vm());
    private static readonly Lazy<VmPlan> AutoStartLazy = new(() => LoweredPlans.Vm("(name 'auto) (auto-start? #t) (cpu-count 2)"));

    /// <summary>Upstream's default virtual build machine ('build-vm', no auto-start).</summary>
    public static VmPlan Default => DefaultLazy.Value;

    /// <summary>
    /// <paramref name="vm"/> under another name and account, its Shepherd service changed to match
    /// (lowering makes that service from the fold; this gives hostile values no configuration can).
    /// </summary>
    public static VmPlan Renamed(VmPlan vm, string name, HostAccount? account = null)
    {
        var renamed = vm with { Name = name, Account = account ?? vm.Account };
        SchemeDatum Rewrite(SchemeDatum datum)
        {
            if (datum is not DatumList list) return datum;
            var items = new List<SchemeDatum>();
            for (var i = 0; i < list.Items.Count; i++)
            {
                var item = list.Items[i];
                if (item is DatumKeyword k && i + 1 < list.Items.Count)
                {
                    SchemeDatum? value = k.Name switch
                    {
                        "user" => new DatumString(renamed.Account.Name),
                        "group" => new DatumString(renamed.Account.Group),
                        "log-file" => new DatumString(renamed.SerialLog),
                        "supplementary-groups" => new DatumList([new DatumSymbol("quote"),
                            new DatumList([.. renamed.Account.SupplementaryGroups.Select(g => new DatumString(g))])]),
                        _ => null,
                    };
                    if (value is not null)
                    {
                        items.Add(item);
                        items.Add(value);
                        i++;
                        continue;
                    }
                }
                items.Add(item is DatumString s && s.Value == vm.InstalledScript ? new DatumString(renamed.InstalledScript) : Rewrite(item));
            }
            return new DatumList(items);
        }
        return renamed with
        {
            Shepherd = vm.Shepherd with
            {
                Provision = [name],
                Documentation = $"Run the vbmc virtual build machine {name} (its clock starts at {vm.RtcBase} UTC).",
                Start = Rewrite(vm.Shepherd.Start),
            },
        };
    }

    /// <summary>A VM named 'auto' with auto-start? #t.</summary>
    public static VmPlan AutoStart => AutoStartLazy.Value;

    /// <summary>Every acceptance file whose header says "expect: ok", and every example.</summary>
    public static IEnumerable<string> ConfigurationFiles() =>
        Directory.GetFiles(RepoPaths.Acceptance, "*.scm").Where(f => AcceptanceFile.Load(f).ExpectOk)
            .Concat(Directory.GetFiles(RepoPaths.Examples, "*.scm"))
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> ConfigurationFileData()
    {
        var data = new TheoryData<string>();
        foreach (var file in ConfigurationFiles()) data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        return data;
    }

    /// <summary>The VMs of a configuration file given relative to the repository (as the theories name them).</summary>
    public static CompilePlan Lower(string relativeFile) => LoweredPlans.FromFile(Path.GetFullPath(Path.Combine(RepoPaths.Root, relativeFile)));

    /// <summary>Values that break naive quoting in every language vbmc writes.</summary>
    public const string Hostile = "a b\"c'd$e%f\\g`h;i#j";
}
