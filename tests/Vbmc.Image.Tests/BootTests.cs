using System.Globalization;
using System.Security.Cryptography;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>
/// examples/boot-2014.scm (date 2014-06-01, so Broadwell; 2 CPUs; 1024 MiB) compiled twice by the
/// real `vbmc compile` (image included) with a free host port of the test's, plus the test's own
/// SSH keys and a secrets drive made from them.
/// </summary>
public sealed class BootFixture : IDisposable
{
    public const string Example = "boot-2014.scm";
    private const string ExamplePort = "11422";

    public string Folder { get; } = Directory.CreateTempSubdirectory("vbmc-boot-").FullName;
    public string Output => Path.Combine(Folder, "out");
    public string SecondOutput => Path.Combine(Folder, "out-again");
    public int Port { get; } = RunningGuest.FreePort();
    public VmPlan Vm { get; }
    public string HostPublicKey { get; }
    public string ClientKey => Path.Combine(Folder, "client_ed25519");
    public string SecretsDriveFile => Path.Combine(Folder, "secrets.tar");
    public string ImageSha256 { get; }

    public BootFixture()
    {
        foreach (var (program, package) in new[] { ("qemu-system-x86_64", "qemu-system-x86"), ("qemu-img", "qemu-utils"),
                     ("mke2fs", "e2fsprogs"), ("mmdebstrap", "mmdebstrap"), ("ssh", "openssh-client"), ("ssh-keygen", "openssh-client") })
            HostTools.Require(program, package);

        var text = File.ReadAllText(Path.Combine(RepoPaths.Examples, Example));
        text.Split(ExamplePort).Length.Should().Be(2, "the example names its SSH host port once");
        var configuration = Path.Combine(Folder, Example);
        File.WriteAllText(configuration, text.Replace(ExamplePort, Port.ToString(CultureInfo.InvariantCulture)));
        Vm = LoweredPlans.FromFile(configuration).Vms.Single();

        Compile(configuration, Output);
        Compile(configuration, SecondOutput);
        ImageSha256 = Sha256(Path.Combine(Output, Vm.Image.FileName));

        var keygen = HostTools.Require("ssh-keygen", "openssh-client");
        var hostKey = Path.Combine(Folder, "host_ed25519");
        foreach (var key in new[] { hostKey, ClientKey })
            ProcessRunner.Run(keygen, ["-q", "-t", "ed25519", "-N", "", "-C", "vbmc-test", "-f", key]).ExitCode.Should().Be(0);
        HostPublicKey = File.ReadAllText(hostKey + ".pub");
        using var drive = File.Create(SecretsDriveFile);
        SecretsDrive.Write(drive, File.ReadAllText(hostKey), HostPublicKey, File.ReadAllText(ClientKey + ".pub"));
    }

    /// <summary>`vbmc compile FILE -o DIR` as a user runs it (a cold Debian base takes minutes).</summary>
    private static void Compile(string configuration, string output)
    {
        var result = VbmcCli.Run(["compile", configuration, "-o", output], timeout: TimeSpan.FromMinutes(15));
        result.ExitCode.Should().Be(0, $"vbmc compile failed:\n{result.Stdout}\n{result.Stderr}");
    }

    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>The end-to-end test: the compiled image boots under QEMU with the configured date, CPU and keys.</summary>
public sealed class BootTests(BootFixture boot) : IClassFixture<BootFixture>
{
    private static readonly TimeSpan BannerTimeout = TimeSpan.FromSeconds(240);

    private RunningGuest Start(params string[] options) =>
        RunningGuest.Start(boot.Output, boot.Vm.ScriptFileName, boot.Folder, boot.Port, options);

    /// <summary>ssh to the guest as the offloading account, trusting only the test's host key.</summary>
    private ProcessResult Ssh(string command, string knownHosts, bool strict = true) =>
        ProcessRunner.Run(HostTools.Require("ssh", "openssh-client"),
        [
            "-F", "/dev/null", "-p", boot.Port.ToString(CultureInfo.InvariantCulture), "-i", boot.ClientKey,
            "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=60",
            "-o", "StrictHostKeyChecking=" + (strict ? "yes" : "no"), "-o", "UserKnownHostsFile=" + knownHosts,
            "-o", "GlobalKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
            $"{boot.Vm.Guest.Name}@127.0.0.1", command,
        ], timeout: TimeSpan.FromMinutes(3));

    [Fact]
    public void Two_compiles_of_the_configuration_give_the_same_image_kernel_and_initrd()
    {
        foreach (var file in new[] { boot.Vm.Image.FileName, boot.Vm.KernelFileName, boot.Vm.InitrdFileName })
            BootFixture.Sha256(Path.Combine(boot.SecondOutput, file)).Should().Be(BootFixture.Sha256(Path.Combine(boot.Output, file)), file);
        boot.Vm.Cpu.Should().Be("Broadwell", "the date 2014-06-01 chooses Broadwell");
    }

    [Fact]
    public void The_guest_boots_at_the_configured_date_and_CPU_and_lets_the_offloading_account_in()
    {
        var knownHosts = Path.Combine(boot.Folder, "known_hosts");
        File.WriteAllText(knownHosts, $"[127.0.0.1]:{boot.Port} {boot.HostPublicKey}");
        using var guest = Start("--secrets", boot.SecretsDriveFile);
        guest.WaitForBanner(BannerTimeout).Should().BeTrue("sshd's banner should be readable within 240 s (a loaded CI host slows TCG)" + guest.Tail());

        var result = Ssh("date -u +%Y-%m; date -u +%s; nproc; grep -m1 '^model name' /proc/cpuinfo; grep '^MemTotal:' /proc/meminfo; id -un; " +
            "stat -c %Y /usr/lib/clock-epoch /usr/sbin/sshd; cat /proc/1/comm", knownHosts);
        result.ExitCode.Should().Be(0, $"the guest presents the test's host key and lets offload in with the test's key: {result.Stderr}{guest.Tail()}");
        var elapsed = guest.Elapsed;
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(9, result.Stdout + guest.Tail());
        lines[0].Should().Be("2014-06");

        var guestTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(lines[1], CultureInfo.InvariantCulture));
        var configured = new DateTimeOffset(2014, 6, 1, 0, 0, 0, TimeSpan.Zero);
        boot.Vm.Date.Should().Be(configured);
        guestTime.Should().BeOnOrAfter(configured).And.BeOnOrBefore(configured + elapsed + TimeSpan.FromMinutes(10),
            "the guest's clock starts at the configured date" + guest.Tail());

        lines[2].Should().Be("2");
        lines[3].Should().MatchRegex(@"^model name\s*: ");
        var model = lines[3][(lines[3].IndexOf(':') + 1)..].Trim();
        BroadwellModelNames().Should().Contain(model, "QEMU's Broadwell CPU is what the guest sees");
        var memTotalKiB = long.Parse(lines[4].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        (memTotalKiB / 1024).Should().BeInRange(900, 1024, "MemTotal is 1024 MiB less the kernel's own reservation");
        lines[5].Should().Be("offload");
        // Every timestamp of the image is the configured date: nothing in the guest moves its clock.
        lines[6].Should().Be(configured.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), "/usr/lib/clock-epoch is at the date");
        lines[7].Should().Be(lines[6], "the other files are no newer than the date");
        File.ReadAllText(guest.SerialLog).Should().NotContain("before build time", "nothing moves the clock forward (as systemd would to its build date)");
        lines[8].Should().Be("init", "vbmc's initrd starts vbmc's guest init (busybox init), not systemd" + guest.Tail());

        // The offloading account may ask for a power-off (the init's poweroff-request service); QEMU then exits 0.
        Ssh("touch /run/vbmc/control/poweroff", knownHosts).ExitCode.Should().Be(0, guest.Tail());
        guest.WaitForExit(TimeSpan.FromSeconds(120)).Should().Be(0, "QEMU exits 0 after the guest powers off" + guest.Tail());
        BootFixture.Sha256(Path.Combine(boot.Output, boot.Vm.Image.FileName)).Should().Be(boot.ImageSha256, "the image is booted with snapshot=on");
    }

    [Fact]
    public void Without_a_secrets_drive_the_guest_boots_to_sshd_and_lets_nobody_in()
    {
        using var guest = Start("--no-secrets");
        guest.WaitForBanner(BannerTimeout).Should().BeTrue("sshd starts with a host key of the guest's own" + guest.Tail());

        // Its host key is not the test's: a strict client refuses it.
        var knownHosts = Path.Combine(boot.Folder, "known_hosts_no_drive");
        File.WriteAllText(knownHosts, $"[127.0.0.1]:{boot.Port} {boot.HostPublicKey}");
        var strict = Ssh("true", knownHosts);
        strict.ExitCode.Should().Be(255);
        strict.Stderr.Should().Contain("HOST IDENTIFICATION HAS CHANGED", guest.Tail());

        // Accepting any host key, the test's key is still refused: no authorized keys without the drive.
        var anyHost = Ssh("true", Path.Combine(boot.Folder, "known_hosts_any"), strict: false);
        anyHost.ExitCode.Should().Be(255);
        anyHost.Stderr.Should().Contain("Permission denied (publickey)", guest.Tail());
        File.ReadAllText(guest.SerialLog).Should().Contain("vbmc-secrets: no secrets drive");
        BootFixture.Sha256(Path.Combine(boot.Output, boot.Vm.Image.FileName)).Should().Be(boot.ImageSha256);
    }

    /// <summary>The model names of QEMU's Broadwell versions ("Intel Core Processor (Broadwell...)"), from -cpu help.</summary>
    private static IReadOnlyList<string> BroadwellModelNames()
    {
        var help = ProcessRunner.Run(HostTools.Require("qemu-system-x86_64", "qemu-system-x86"), ["-cpu", "help"]).Stdout;
        return help.Split('\n')
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^x86\s+Broadwell-v\d+\s+(.+)$"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value.Trim())
            .ToList();
    }
}
