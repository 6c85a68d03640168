using System.Text.Encodings.Web;
using System.Text.Json;
using Vbmc.Lowering;

namespace Vbmc.Emitters.Units;

/// <summary>
/// accounts/NAME.json: the VM's accounts for both worlds, for people and tools that make
/// accounts without sysusers.d: the host account and its group, and the guest's offloading
/// account. Keys in a fixed order, indented, '\n' line ends, a final newline.
/// </summary>
/// <remarks>
/// Shape (version 1):
/// <code>
/// { "version": 1, "vm": NAME,
///   "host": { "account": { name, group, supplementaryGroups, system, home, shell, comment },
///             "group": { name, system } },
///   "guest": { "account": { name, uid, group, gid, home, shell, comment,
///                           authorizedKeysFrom: "secrets drive", secretsDrive: { path, serial, entry } } } }
/// </code>
/// </remarks>
public static class AccountsEmitter
{
    public const int FormatVersion = 1;

    public static Artifact Emit(VmPlan vm) =>
        Artifact.Text(InstallLayout.AccountsPath(vm.Name), Text(vm), ArtifactKind.Accounts);

    public static string Text(VmPlan vm)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            // Only what JSON requires is escaped (quotes, backslashes, control characters): the
            // file is not embedded in HTML, and readable non-ASCII comments stay readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteString("vm", vm.Name);

            json.WriteStartObject("host");
            HostAccount(json, vm.Account);
            json.WriteStartObject("group");
            json.WriteString("name", vm.Account.Group);
            json.WriteBoolean("system", true);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("guest");
            GuestAccount(json, vm);
            json.WriteEndObject();

            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void HostAccount(Utf8JsonWriter json, HostAccount account)
    {
        json.WriteStartObject("account");
        json.WriteString("name", account.Name);
        json.WriteString("group", account.Group);
        json.WriteStartArray("supplementaryGroups");
        foreach (var group in account.SupplementaryGroups) json.WriteStringValue(group);
        json.WriteEndArray();
        json.WriteBoolean("system", true);
        json.WriteString("home", account.Home);
        json.WriteString("shell", account.Shell);
        json.WriteString("comment", account.Comment);
        json.WriteEndObject();
    }

    private static void GuestAccount(Utf8JsonWriter json, VmPlan vm)
    {
        var guest = vm.Guest;
        json.WriteStartObject("account");
        json.WriteString("name", guest.Name);
        json.WriteNumber("uid", guest.Uid);
        json.WriteString("group", guest.Group);
        json.WriteNumber("gid", guest.Gid);
        json.WriteString("home", guest.Home);
        json.WriteString("shell", guest.Shell);
        json.WriteString("comment", guest.Comment);
        json.WriteString("authorizedKeysFrom", "secrets drive");
        json.WriteStartObject("secretsDrive");
        json.WriteString("path", vm.SecretsDrive);
        json.WriteString("serial", InstallLayout.SecretsDriveSerial);
        json.WriteString("entry", SecretsDrive.AuthorizedKeysEntry);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
