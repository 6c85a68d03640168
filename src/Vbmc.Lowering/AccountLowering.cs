using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Records;
using Vbmc.Services;
using Vbmc.Services.Checks;

namespace Vbmc.Lowering;

/// <summary>
/// Host accounts, from the fold: what the <c>account</c> target receives. A VM's account is the
/// one its service contributes (as Guix's build-VM service makes it); the configuration's own
/// services (its simple-services and service types, which Guix 1.5.0 does not define) add
/// accounts of their own. Accounts of Guix's own services (the operating system's users, the
/// daemon's build users) belong to a Guix System and are not installed on a host.
/// </summary>
internal static class AccountLowering
{
    public const string TargetType = "account";

    /// <summary>The account a VM's service contributes under <paramref name="name"/>, as a host account; null with an error when it has none.</summary>
    public static HostAccount? ForVm(ServiceGraphView graph, BuildVm vm, string name, DiagnosticBag bag)
    {
        var records = FoldedRecords.ContributedBy(graph, TargetType, vm.Service);
        if (records.OfType<Record>().FirstOrDefault(r => IsUser(r) && FoldedRecords.Field(r, "name") as string == name) is not { } user)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, vm.Place,
                $"virtual build machine '{vm.DisplayName}' contributes no account '{name}' to account-service-type: its QEMU has no account to run as",
                "keep virtual-build-machine-service-type's account extension");
            return null;
        }
        return Lower(user, vm.Place, bag);
    }

    /// <summary>The accounts and groups of the configuration's own services, in contribution order.</summary>
    public static HostAccounts OfConfiguration(ServiceGraphView graph, DiagnosticBag bag)
    {
        var users = new List<HostAccount>();
        var groups = new List<HostGroup>();
        foreach (var (from, records) in FoldedRecords.OfConfigurationsOwnServices(graph, TargetType))
        {
            foreach (var record in records.OfType<Record>())
            {
                if (IsUser(record) && Lower(record, from.Span, bag) is { } user) users.Add(user);
                else if (record.Type.Name == "<user-group>" && LowerGroup(record, from.Span, bag) is { } group) groups.Add(group);
            }
        }
        return new HostAccounts(users, groups);
    }

    private static bool IsUser(Record r) => r.Type.Name == "<user-account>";

    /// <summary>Home folders that are not made (sysusers makes none; these need none).</summary>
    private static readonly IReadOnlySet<string> NoHome = new HashSet<string>(StringComparer.Ordinal) { "/var/empty", "/nonexistent", "/" };

    private static HostAccount? Lower(Record user, SourceSpan fallback, DiagnosticBag bag)
    {
        if (FoldedRecords.Field(user, "name") is not string name || FoldedRecords.Field(user, "group") is not string group
            || FoldedRecords.Field(user, "comment") is not string comment || FoldedRecords.Field(user, "home-directory") is not string home
            || FoldedRecords.Field(user, "supplementary-groups") is not { } supplementary || Lists.ToListOrNull(supplementary) is not { } groups)
            return null; // a type error, reported by the analysis
        var ok = true;
        void Unsupported(string field, string message, string hint)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(user, field, fallback),
                $"unsupported: {message} of account '{name}'", hint);
            ok = false;
        }
        if (FoldedRecords.Field(user, "password") is string) Unsupported("password", "a password", "vbmc writes no secret into its output: set the password on the host (passwd)");
        if (FoldedRecords.Field(user, "uid") is not false) Unsupported("uid", "a fixed uid", "vbmc lets systemd-sysusers choose the uid: remove the field");
        if (FoldedRecords.Field(user, "system?") is not true) Unsupported("system?", "an account that is not a system account", "vbmc makes accounts with systemd-sysusers, which makes system accounts: add (system? #t)");
        if (FoldedRecords.Field(user, "create-home-directory?") is true && !NoHome.Contains(home))
            Unsupported("create-home-directory?", $"a home folder {home} to make", "vbmc makes no home folder: add (create-home-directory? #f), or use \"/var/empty\"");
        var shell = StorePrograms.PathOf(FoldedRecords.Field(user, "shell"));
        if (shell is null) Unsupported("shell", "a shell vbmc cannot name on the host", "write the host's path, e.g. \"/usr/sbin/nologin\" or \"/bin/sh\"");
        return ok ? new HostAccount(name, group, groups.OfType<string>().ToList(), comment, home, shell!) : null;
    }

    private static HostGroup? LowerGroup(Record group, SourceSpan fallback, DiagnosticBag bag)
    {
        if (FoldedRecords.Field(group, "name") is not string name) return null;
        var ok = true;
        if (FoldedRecords.Field(group, "password") is string)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(group, "password", fallback),
                $"unsupported: a password of group '{name}'", "vbmc writes no secret into its output");
            ok = false;
        }
        if (FoldedRecords.Field(group, "id") is not false)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(group, "id", fallback),
                $"unsupported: a fixed gid of group '{name}'", "vbmc lets systemd-sysusers choose the gid: remove the field");
            ok = false;
        }
        return ok ? new HostGroup(name) : null;
    }

}

/// <summary>Host accounts and groups (system accounts made by systemd-sysusers).</summary>
public sealed record HostAccounts(IReadOnlyList<HostAccount> Users, IReadOnlyList<HostGroup> Groups)
{
    public static HostAccounts None { get; } = new([], []);

    public bool IsEmpty => Users.Count == 0 && Groups.Count == 0;
}

/// <summary>A system group made on the host.</summary>
public sealed record HostGroup(string Name);
