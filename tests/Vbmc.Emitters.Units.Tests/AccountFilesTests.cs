using Vbmc.Lowering;

namespace Vbmc.Emitters.Units.Tests;

/// <summary>sysusers.d and tmpfiles.d files applied for real to temporary root folders.</summary>
public class AccountFilesTests
{
    private static void Succeeds(Vbmc.TestSupport.ProcessResult result, string tool)
    {
        result.ExitCode.Should().Be(0, $"{tool} failed: {result.Stderr}");
        result.Stderr.Should().NotContainAny(["ignoring", "Failed", "Invalid"]);
    }

    [Fact]
    public void Sysusers_makes_the_account_with_its_own_group_in_kvm_no_home_and_no_login()
    {
        var vm = Plans.Default;
        using var root = new TempFolder("sysusers");
        Succeeds(SystemdTools.ApplySysusers(root, SystemdEmitter.Sysusers(vm)), "systemd-sysusers");

        var user = SystemdTools.Entry(root, "passwd", "build-vm-build-vm");
        user.Should().NotBeNull();
        user![4].Should().Be("Privilege separation user for the virtual build machine", "the comment of the account the VM service gives account-service-type");
        user[5].Should().Be("/var/empty");
        user[6].Should().Be("/usr/sbin/nologin");
        int.Parse(user[2]).Should().BeLessThan(1000, "a system account");
        var group = SystemdTools.Entry(root, "group", "build-vm-build-vm");
        group.Should().NotBeNull();
        group![2].Should().Be(user[3], "the user's primary group is its own group");
        SystemdTools.Entry(root, "group", "kvm")![3].Split(',').Should().Contain("build-vm-build-vm");
    }

    [Fact]
    public void Sysusers_joins_an_existing_kvm_group_and_applying_twice_changes_nothing()
    {
        using var root = new TempFolder("sysusers-kvm");
        root.Write("/etc/group", "root:x:0:\nkvm:x:994:someone\n");
        root.Write("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
        Succeeds(SystemdTools.ApplySysusers(root, SystemdEmitter.Sysusers(Plans.Default)), "systemd-sysusers");
        var groups = File.ReadAllText(root.Inside("/etc/group"));
        var passwd = File.ReadAllText(root.Inside("/etc/passwd"));
        var kvm = SystemdTools.Entry(root, "group", "kvm")!;
        kvm[..3].Should().Equal("kvm", "x", "994");
        kvm[3].Split(',').Should().BeEquivalentTo("someone", "build-vm-build-vm");

        Succeeds(SystemdTools.ApplySysusers(root, SystemdEmitter.Sysusers(Plans.Default)), "systemd-sysusers");
        File.ReadAllText(root.Inside("/etc/group")).Should().Be(groups);
        File.ReadAllText(root.Inside("/etc/passwd")).Should().Be(passwd);
    }

    [Theory]
    [InlineData("a \"b\" 'c' $d %e \\ f; g # h é", "a \"b\" 'c' $d %e \\ f; g # h é")]
    [InlineData("line\nbreak: colon\ttab", "line break  colon tab")]
    [InlineData("%%n", "%%n")]
    [InlineData("", "")]
    public void A_hostile_comment_reaches_passwd_as_written_or_with_what_passwd_cannot_hold_replaced(string comment, string gecos)
    {
        var vm = Plans.Default with { Account = Plans.Default.Account with { Comment = comment } };
        using var root = new TempFolder("gecos");
        Succeeds(SystemdTools.ApplySysusers(root, SystemdEmitter.Sysusers(vm)), "systemd-sysusers");
        SystemdTools.Entry(root, "passwd", "build-vm-build-vm")![4].Should().Be(gecos);
    }

    [Fact]
    public void Tmpfiles_makes_the_folders_with_their_modes_and_owners_after_sysusers()
    {
        var vm = Plans.Default;
        using var root = new TempFolder("tmpfiles");
        Succeeds(SystemdTools.ApplySysusers(root, SystemdEmitter.Sysusers(vm)), "systemd-sysusers");
        Succeeds(SystemdTools.ApplyTmpfiles(root, SystemdEmitter.Tmpfiles(vm)), "systemd-tmpfiles");
        var user = SystemdTools.Entry(root, "passwd", vm.Account.Name)!;
        var (uid, gid) = (int.Parse(user[2]), int.Parse(user[3]));

        SystemdTools.Stat(root.Inside("/var/lib/vbmc")).Should().Be(("755", 0, 0));
        SystemdTools.Stat(root.Inside(vm.StateDirectory)).Should().Be(("755", 0, 0));
        SystemdTools.Stat(root.Inside(vm.RuntimeDirectory)).Should().Be(("755", uid, gid));
        SystemdTools.Stat(root.Inside("/etc/vbmc")).Should().Be(("755", 0, 0));
        SystemdTools.Stat(root.Inside(vm.SecretDirectory)).Should().Be(("755", 0, 0));
        SystemdTools.Stat(root.Inside(InstallLayout.LogRoot)).Should().Be(("755", 0, 0));
        // The layout's paths: the pid file's and the serial log's folders exist.
        Directory.Exists(root.Inside(Path.GetDirectoryName(vm.PidFile)!)).Should().BeTrue();
        Directory.Exists(root.Inside(Path.GetDirectoryName(vm.SerialLog)!)).Should().BeTrue();
    }

    [Fact]
    public void Two_vms_tmpfiles_files_share_their_common_folders_without_a_conflict()
    {
        using var root = new TempFolder("tmpfiles-two");
        var users = SystemdEmitter.Sysusers(Plans.Default) + SystemdEmitter.Sysusers(Plans.AutoStart);
        Succeeds(SystemdTools.ApplySysusers(root, users), "systemd-sysusers");
        var first = root.Write("/etc/tmpfiles.d/vbmc-build-vm.conf", SystemdEmitter.Tmpfiles(Plans.Default));
        var second = root.Write("/etc/tmpfiles.d/vbmc-auto.conf", SystemdEmitter.Tmpfiles(Plans.AutoStart));
        var result = Vbmc.TestSupport.ProcessRunner.Run(SystemdTools.Tmpfiles, ["--create", "--root=" + root.Path, first, second]);
        Succeeds(result, "systemd-tmpfiles");
        result.Stderr.Should().NotContain("Duplicate");
        Directory.Exists(root.Inside(Plans.AutoStart.RuntimeDirectory)).Should().BeTrue();
        Directory.Exists(root.Inside(Plans.Default.RuntimeDirectory)).Should().BeTrue();
    }

    [Fact]
    public void A_hostile_folder_name_reaches_tmpfiles_exactly()
    {
        const string Folder = "/srv/a b\"c'd$e%f\\g`h;i#j é";
        using var root = new TempFolder("tmpfiles-hostile");
        var text = new TmpfilesWriter().Directory(Folder, 0b111_000_000, "root", "root").ToString();
        Succeeds(SystemdTools.ApplyTmpfiles(root, text), "systemd-tmpfiles");
        SystemdTools.Stat(root.Inside(Folder)).Should().Be(("700", 0, 0));
        FluentActions.Invoking(() => new TmpfilesWriter().Directory("/a\nb", 0b111_000_000, "root", "root"))
            .Should().Throw<ArgumentException>("a tmpfiles.d line cannot hold a newline");
    }
}
