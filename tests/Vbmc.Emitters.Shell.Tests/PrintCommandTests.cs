using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Shell.Tests;

/// <summary>
/// The argv the script would exec, read back from --print0 and compared whole with the
/// expected QEMU command (program, every flag, in order).
/// </summary>
public class PrintCommandTests
{
    private static string[] ImageDrive(string folder, string file, string format = "qcow2") =>
    [
        "-drive", $"file={folder}/{file},format={format},if=none,id=vbmc-image,snapshot=on",
        "-device", "virtio-blk-pci,drive=vbmc-image,bootindex=1",
    ];

    [Fact]
    public void Default_vm()
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm());
        folder.PrintedCommand("--accel", "tcg", "--no-secrets", "--pidfile", "/run/test/qemu.pid").Should().Equal(
        [
            "qemu-system-x86_64", "-accel", "tcg",
            "-cpu", "Skylake-Client",
            "-smp", "cpus=4",
            "-m", "2048",
            "-rtc", "base=2020-01-01T00:00:00,clock=vm",
            "-nic", "user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:11022-:22",
            "-device", "virtio-rng-pci",
            "-no-reboot",
            "-display", "none",
            .. ImageDrive(folder.Path, "build-vm.qcow2"),
            "-pidfile", "/run/test/qemu.pid",
            "-serial", "stdio",
        ]);
    }

    [Fact]
    public void One_cpu_vm_with_several_forwards_a_serial_log_and_extra_arguments()
    {
        var vm = LoweredPlans.Vm(
            "(name 'old) (cpu-count 1) (memory-size 768) (date (make-date 0 30 15 12 1 6 2010 0)) " +
            "(port-forwardings '((12022 . 22) (18080 . 80)))");
        using var folder = ScriptFolder.Plain(vm);
        folder.PrintedCommand("--accel=kvm", "--no-pidfile", "--no-secrets", "--serial-log", "logs/serial.log",
            "--", "-name", "old vm", "-snapshot").Should().Equal(
        [
            "qemu-system-x86_64", "-accel", "kvm",
            "-cpu", "Westmere",
            "-m", "768",
            "-rtc", "base=2010-06-01T12:15:30,clock=vm",
            "-nic", "user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:12022-:22,hostfwd=tcp:127.0.0.1:18080-:80",
            "-device", "virtio-rng-pci",
            "-no-reboot",
            "-display", "none",
            .. ImageDrive(folder.Path, "old.qcow2"),
            "-serial", "file:logs/serial.log",
            "-name", "old vm", "-snapshot",
        ]);
    }

    [Fact]
    public void A_console_socket_is_the_second_serial_port_its_commas_doubled()
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'console) (cpu-count 1)"));
        var printed = folder.PrintedCommand("--accel", "tcg", "--no-secrets", "--no-pidfile", "--console-socket", "a,b/console.sock");
        printed.TakeLast(6).Should().Equal(
            "-serial", "stdio",
            "-chardev", "socket,id=console,path=a,,b/console.sock,server=on,wait=off",
            "-serial", "chardev:console");
        folder.PrintedCommand("--accel", "tcg", "--no-secrets", "--no-pidfile", "--no-console-socket").Should().NotContain("-chardev");
    }

    [Fact]
    public void A_console_socket_path_longer_than_a_socket_holds_is_a_usage_error()
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'console)"));
        var path = "/" + new string('s', 107);
        var result = folder.Run("--accel", "tcg", "--no-secrets", "--no-pidfile", "--console-socket", path, "--print-command");
        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"run-console.sh: --console-socket: a socket's path has at most 107 bytes: {path}\n");
        folder.Run("--accel", "tcg", "--no-secrets", "--no-pidfile", "--console-socket", path[..^1], "--print-command")
            .ExitCode.Should().Be(0, "107 bytes fit");
    }

    [Fact]
    public void Kernel_and_initrd_beside_the_script_boot_directly()
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'direct) (cpu-count 2) (memory-size 1024)"));
        File.WriteAllText(folder.File("direct.vmlinuz"), "");
        File.WriteAllText(folder.File("direct.initrd"), "");
        folder.PrintedCommand("--accel", "tcg", "--no-secrets", "--no-pidfile").Should().Equal(
        [
            "qemu-system-x86_64", "-accel", "tcg",
            "-cpu", "Skylake-Client",
            "-smp", "cpus=2",
            "-m", "1024",
            "-rtc", "base=2020-01-01T00:00:00,clock=vm",
            "-nic", "user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:11022-:22",
            "-device", "virtio-rng-pci",
            "-no-reboot",
            "-display", "none",
            .. ImageDrive(folder.Path, "direct.qcow2"),
            "-kernel", folder.File("direct.vmlinuz"),
            "-initrd", folder.File("direct.initrd"),
            "-append", "console=ttyS0 root=/dev/vda1 rw no_timer_check net.ifnames=0 systemd.clock_usec=1577836800000000",
            "-serial", "stdio",
        ]);
    }

    [Fact]
    public void A_kernel_without_its_initrd_is_an_error()
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'half)"));
        File.WriteAllText(folder.File("half.vmlinuz"), "");
        var result = folder.Run("--print0", "--accel", "tcg");
        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("direct boot needs both half.vmlinuz and half.initrd");
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public void Raw_image_and_secrets_drive()
    {
        var vm = LoweredPlans.Vm("(name 'rawvm)");
        vm = vm with { Image = vm.Image with { Format = "raw", FileName = "rawvm.img" } };
        using var folder = ScriptFolder.Plain(vm);
        folder.PrintedCommand("--accel", "tcg", "--secrets", "/srv/keys/secrets.tar", "--no-pidfile").Should().Equal(
        [
            "qemu-system-x86_64", "-accel", "tcg",
            "-cpu", "Skylake-Client",
            "-smp", "cpus=4",
            "-m", "2048",
            "-rtc", "base=2020-01-01T00:00:00,clock=vm",
            "-nic", "user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:11022-:22",
            "-device", "virtio-rng-pci",
            "-no-reboot",
            "-display", "none",
            .. ImageDrive(folder.Path, "rawvm.img", "raw"),
            "-drive", "file=/srv/keys/secrets.tar,format=raw,if=none,id=vbmc-secrets,readonly=on",
            "-device", "virtio-blk-pci,drive=vbmc-secrets,serial=vbmc-secrets",
            "-serial", "stdio",
        ]);
    }

    [Fact]
    public void A_store_disk_is_attached_written_after_the_secrets_drive()
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'kept) (store-disk-size (* 4 (expt 2 30)))"));
        var command = folder.PrintedCommand("--accel", "tcg", "--no-secrets", "--no-pidfile", "--store-disk", "/srv/vm,1/store.qcow2");
        command.Should().ContainInConsecutiveOrder(
            "-drive", "file=/srv/vm,,1/store.qcow2,format=qcow2,if=none,id=vbmc-store,discard=unmap",
            "-device", "virtio-blk-pci,drive=vbmc-store,serial=vbmc-store");
        command.Should().NotContain(a => a.Contains("vbmc-store") && a.Contains("snapshot"), "the store disk is written");
        // The installed disk is the default only when it exists; --no-store-disk leaves it out.
        folder.PrintedCommand("--accel", "tcg", "--no-secrets", "--no-pidfile").Should().NotContain(a => a.Contains("vbmc-store"));
        folder.PrintedCommand("--accel", "tcg", "--no-secrets", "--no-pidfile", "--store-disk", "x.qcow2", "--no-store-disk")
            .Should().NotContain(a => a.Contains("vbmc-store"));
    }

    [Fact]
    public void A_store_disk_for_a_vm_without_one_is_a_usage_error()
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm());
        var result = folder.Run("--print0", "--no-secrets", "--store-disk", "/srv/store.qcow2");
        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("has no store disk");
    }

    [Fact]
    public void Non_x86_vm_uses_its_emulator_and_tcg_when_auto()
    {
        // Lowering gives x86_64 guests only; the emitter writes whatever emulator its plan names.
        var vm = LoweredPlans.Vm("(name 'arm) (cpu-count 2)") with { QemuProgram = "qemu-system-aarch64", Cpu = "max", Systems = ["aarch64-linux"] };
        using var folder = ScriptFolder.Plain(vm);
        var result = folder.Run("--print0", "--no-secrets", "--no-pidfile");
        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout[..^1].Split('\0').Should().Equal(
        [
            "qemu-system-aarch64", "-accel", "tcg",
            "-cpu", "max",
            "-smp", "cpus=2",
            "-m", "2048",
            "-rtc", "base=2020-01-01T00:00:00,clock=vm",
            "-nic", "user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:11022-:22",
            "-device", "virtio-rng-pci",
            "-no-reboot",
            "-display", "none",
            .. ImageDrive(folder.Path, "arm.qcow2"),
            "-serial", "stdio",
        ]);
        result.Stderr.Should().Contain("accelerator tcg: vbmc has no probe guest for qemu-system-aarch64");
    }

    [Fact]
    public void Installed_paths_are_used_only_when_they_exist()
    {
        // A name no host has installed: its state folder and secrets drive are absent.
        var name = "pt" + Guid.NewGuid().ToString("N")[..10];
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm($"(name '{name})"));
        Directory.Exists(InstallLayout.RuntimeDirectory(name)).Should().BeFalse();
        var result = folder.Run("--print0", "--accel", "tcg");
        result.ExitCode.Should().Be(0, result.Stderr);
        var argv = result.Stdout.Split('\0');
        argv.Should().NotContain("-pidfile");
        argv.Should().NotContain(a => a.Contains("vbmc-secrets"));
        result.Stderr.Should().Contain($"no pid file: /var/lib/vbmc/{name}/run does not exist")
            .And.Contain($"no secrets drive: /etc/vbmc/{name}/secrets.tar is not there");
    }

    [Fact]
    public void Print_command_prints_one_argument_per_line()
    {
        using var folder = ScriptFolder.Plain(LoweredPlans.Vm("(name 'lines)"));
        var options = new[] { "--accel", "tcg", "--no-secrets", "--no-pidfile" };
        var lines = folder.Run(["--print-command", .. options]);
        lines.ExitCode.Should().Be(0, lines.Stderr);
        lines.Stdout.Should().EndWith("\n");
        lines.Stdout[..^1].Split('\n').Should().Equal(folder.PrintedCommand(options));
    }

    [Fact]
    public void Configuration_values_are_written_literally_in_the_script()
    {
        // The acceptance files read the script as text: the fixed arguments must be there.
        var vm = LoweredPlans.FromFile(Path.Combine(RepoPaths.Acceptance, "02-service-list-configured.scm")).Vms.Single();
        var text = LaunchScriptEmitter.Text(vm);
        text.Should().Contain("-cpu 'Haswell'\n").And.Contain("-smp 'cpus=6'\n").And.Contain("-m '3072'\n")
            .And.Contain("-rtc 'base=2020-01-01T00:00:00,clock=vm'\n")
            .And.Contain("-nic 'user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:10022-:22'\n");
    }
}
