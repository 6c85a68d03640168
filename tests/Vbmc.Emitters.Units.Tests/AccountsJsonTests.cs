using System.Text.Json;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Units.Tests;

public class AccountsJsonTests
{
    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void The_file_holds_the_host_account_its_group_and_the_guest_account_in_a_fixed_order()
    {
        var vm = Plans.Default;
        var artifact = AccountsEmitter.Emit(vm);
        artifact.RelativePath.Should().Be("accounts/build-vm.json");
        artifact.Kind.Should().Be(ArtifactKind.Accounts);
        var text = AccountsEmitter.Text(vm);
        text.Should().EndWith("}\n").And.NotEndWith("\n\n").And.NotContain("\r");

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Keys(root).Should().Equal("version", "vm", "host", "guest");
        root.GetProperty("version").GetInt32().Should().Be(1);
        root.GetProperty("vm").GetString().Should().Be("build-vm");

        var host = root.GetProperty("host").GetProperty("account");
        Keys(host).Should().Equal("name", "group", "supplementaryGroups", "system", "home", "shell", "comment");
        host.GetProperty("name").GetString().Should().Be("build-vm-build-vm");
        host.GetProperty("group").GetString().Should().Be("build-vm-build-vm");
        host.GetProperty("supplementaryGroups").EnumerateArray().Select(e => e.GetString()).Should().Equal("kvm");
        host.GetProperty("system").GetBoolean().Should().BeTrue();
        host.GetProperty("home").GetString().Should().Be("/var/empty");
        host.GetProperty("shell").GetString().Should().Be("/usr/sbin/nologin");
        root.GetProperty("host").GetProperty("group").GetProperty("name").GetString().Should().Be("build-vm-build-vm");

        var guest = root.GetProperty("guest").GetProperty("account");
        Keys(guest).Should().Equal("name", "uid", "group", "gid", "home", "shell", "comment", "authorizedKeysFrom", "secretsDrive");
        guest.GetProperty("name").GetString().Should().Be(vm.Guest.Name);
        guest.GetProperty("uid").GetInt32().Should().Be(vm.Guest.Uid);
        guest.GetProperty("gid").GetInt32().Should().Be(vm.Guest.Gid);
        guest.GetProperty("authorizedKeysFrom").GetString().Should().Be("secrets drive");
        guest.GetProperty("secretsDrive").GetProperty("path").GetString().Should().Be("/etc/vbmc/build-vm/secrets.tar");
        guest.GetProperty("secretsDrive").GetProperty("serial").GetString().Should().Be(InstallLayout.SecretsDriveSerial);
    }

    [Fact]
    public void Hostile_strings_round_trip_through_an_independent_json_parser()
    {
        const string Comment = "a \"b\" 'c' $d %e \\ f\ng\th </script> & é中😀 \x01";
        var vm = Plans.Default with { Account = Plans.Default.Account with { Comment = Comment } };
        var file = Path.Combine(Path.GetTempPath(), $"vbmc-accounts-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, AccountsEmitter.Text(vm));
        try
        {
            // Python's json module, not .NET's: the file must be JSON for any consumer.
            var python = JsonSchemaValidator.Python;
            var result = ProcessRunner.Run(python, ["-c",
                "import json,sys; c=json.load(open(sys.argv[1],encoding='utf-8'))['host']['account']['comment']; print(','.join(str(ord(x)) for x in c))", file]);
            result.ExitCode.Should().Be(0, result.Stderr);
            var decoded = string.Concat(result.Stdout.Trim().Split(',').Select(c => char.ConvertFromUtf32(int.Parse(c))));
            decoded.Should().Be(Comment);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
