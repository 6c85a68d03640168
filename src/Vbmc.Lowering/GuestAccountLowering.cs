using System.Numerics;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;

namespace Vbmc.Lowering;

/// <summary>
/// The guest's account builds are offloaded to, from the image's operating-system: the
/// <c>user-account</c> of its <c>users</c> named as the VM's offload entry's <c>user</c> (upstream's
/// standard system has "offload"). Its name, group, uid, comment, home and shell are lowered; the
/// other accounts Guix gives every system (root, nobody) are the Debian base's own; any other
/// account, and fields of the offload account vbmc cannot honour, are <c>unsupported:</c> errors.
/// </summary>
internal static class GuestAccountLowering
{
    /// <summary>The uid when the account names none: fixed, so that the image is the same for every VM.</summary>
    public const int DefaultUid = 1000;

    /// <summary>Debian's "users" group.</summary>
    private const string UsersGroup = "users";
    private const int UsersGid = 100;

    /// <summary>Accounts every Guix system has that a Debian base has as well.</summary>
    private static readonly IReadOnlySet<string> BaseAccounts = new HashSet<string>(StringComparer.Ordinal) { "root", "nobody" };

    /// <summary>Fields lowered below; the others must be those of the standard system's offload account.</summary>
    private static readonly IReadOnlySet<string> Consumed = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "group", "uid", "comment", "home-directory", "shell", "supplementary-groups",
    };

    private static readonly IReadOnlyDictionary<string, string> InsteadByField = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["password"] = "the account has no password: the build daemons log in with the VM's offload key",
        ["system?"] = "the account is an ordinary account (uid 1000 unless its uid is given)",
        ["create-home-directory?"] = "vbmc makes the account's home folder (the daemons keep state there)",
    };

    /// <param name="os">The image's operating-system, or the standard one.</param>
    /// <param name="standard">The standard build-VM system (its offload account is the reference for the fields not lowered).</param>
    /// <param name="user">The account the VM's offload entry logs in as.</param>
    public static GuestAccount? Lower(string vmName, Record os, Record standard, string user, SourceSpan at, DiagnosticBag bag)
    {
        var usersAt = FoldedRecords.PlaceOf(os, "users", at);
        if (FoldedRecords.Field(os, "users") is not { } usersValue || Lists.ToListOrNull(usersValue) is not { } users) return null; // a type error
        var standardUsers = Lists.ToListOrNull(FoldedRecords.Field(standard, "users") ?? Nil.Instance) ?? [];
        var reference = standardUsers.OfType<Record>().FirstOrDefault(r => FoldedRecords.Field(r, "name") as string == InstallLayout.GuestOffloadUser);
        var ok = true;
        Record? account = null;
        foreach (var candidate in users.OfType<Record>().Where(r => r.Type.Name == "<user-account>"))
        {
            var name = FoldedRecords.Field(candidate, "name") as string;
            if (name == user && account is null) account = candidate;
            else if (name is not null && BaseAccounts.Contains(name) && standardUsers.Contains(candidate)) continue;
            else
            {
                bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(candidate, "name", usersAt),
                    $"unsupported: account '{name}' of the guest operating-system of virtual build machine '{vmName}': the guest has root and the account builds are offloaded to ('{user}')",
                    "nothing else logs in to a build VM: remove the account");
                ok = false;
            }
        }
        if (account is null)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, usersAt,
                $"the guest operating-system of virtual build machine '{vmName}' has no account '{user}', which its offload entry logs in as",
                $"add (user-account (name \"{user}\") (group \"users\")) to its users");
            return null;
        }
        var description = $"the guest account '{user}' of virtual build machine '{vmName}'";
        if (reference is not null && !new UnsupportedFields(description, InsteadByField, "vbmc does not implement it for the guest").Report(account, reference, Consumed, usersAt, bag))
            ok = false;

        void Error(string field, string message, string hint)
        {
            bag.Error(DiagnosticIds.UnsupportedForCompile, FoldedRecords.PlaceOf(account, field, usersAt), message, hint);
            ok = false;
        }
        var group = FoldedRecords.Field(account, "group") as string;
        if (group is null) Error("group", $"unsupported: a numeric group of {description}", "name the group, e.g. \"users\"");
        var uid = FoldedRecords.Field(account, "uid") switch
        {
            false => DefaultUid,
            BigInteger n when n >= 1000 && n <= 59999 => (int)n,
            _ => -1,
        };
        if (uid < 0) Error("uid", $"unsupported: uid of {description} outside Debian's range for ordinary accounts", "use a uid from 1000 to 59999, or none (1000)");
        if (FoldedRecords.Field(account, "supplementary-groups") is { } groupsValue && Lists.ToListOrNull(groupsValue) is { } groups
            && groups.FirstOrDefault(g => g is not string name || !GuestAccount.DutyGroups.Contains(name)) is { } other)
            Error("supplementary-groups", $"unsupported: supplementary group {Printing.Printer.Write(other)} of {description}",
                $"the account is in the groups its duties need ({string.Join(", ", GuestAccount.DutyGroups)}, where the base has them), and no other");
        var comment = FoldedRecords.Field(account, "comment") as string ?? "";
        var home = FoldedRecords.Field(account, "home-directory") as string ?? $"/home/{user}";
        // Guix's default shell is Bash of the system profile; a Debian base may lack bash, never /bin/sh.
        var shell = HoldsDefault(account, "shell") ? "/bin/sh" : StorePrograms.PathOf(FoldedRecords.Field(account, "shell"));
        if (shell is null) Error("shell", $"unsupported: a shell vbmc cannot name in the guest for {description}", "write the guest's path, e.g. \"/bin/sh\" or \"/bin/bash\"");
        if (!ok) return null;
        var lowered = new GuestAccount(user, uid, group!, group == UsersGroup ? UsersGid : uid, home, shell!, comment);
        if (lowered.Problem() is { } problem)
        {
            bag.Error(DiagnosticIds.NotExpressible, FoldedRecords.PlaceOf(account, "name", usersAt),
                $"{description} cannot be written in the guest's /etc/passwd: {problem}", "use lower-case names and values without ':' or line breaks");
            return null;
        }
        return lowered;
    }

    private static bool HoldsDefault(Record record, string field)
    {
        try
        {
            return FieldDefaults.HoldsDefault(record, field);
        }
        catch (Exception e) when (e is Vbmc.Evaluation.SchemeError or Vbmc.Evaluation.SilentError)
        {
            return false;
        }
    }
}
