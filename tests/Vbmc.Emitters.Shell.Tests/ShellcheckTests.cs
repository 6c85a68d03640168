using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Shell.Tests;

/// <summary>shellcheck (-s sh, every severity down to style, no check disabled) on generated scripts.</summary>
public class ShellcheckTests
{
    public static TheoryData<string> OkAcceptanceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(RepoPaths.Acceptance, "*.scm").Order(StringComparer.Ordinal))
            if (AcceptanceFile.Load(path).ExpectOk) data.Add(System.IO.Path.GetFileName(path));
        return data;
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(RepoPaths.Examples, "*.scm").Order(StringComparer.Ordinal))
            data.Add(System.IO.Path.GetFileName(path));
        return data;
    }

    [Fact]
    public void Default_vm_script_is_clean() => ShouldBeClean(LoweredPlans.Vm());

    [Fact]
    public void Multi_forward_vm_script_is_clean() =>
        ShouldBeClean(LoweredPlans.Vm("(name 'multi) (port-forwardings '((11022 . 22) (18080 . 80) (15432 . 5432)))"));

    [Fact]
    public void One_cpu_vm_script_is_clean() => ShouldBeClean(LoweredPlans.Vm("(name 'single) (cpu-count 1) (memory-size 512)"));

    [Fact]
    public void Non_x86_vm_script_is_clean()
    {
        // Lowering gives x86_64 guests only; the emitter writes whatever emulator its plan names.
        var vm = LoweredPlans.Vm("(name 'arm)") with { QemuProgram = "qemu-system-aarch64", Cpu = "max" };
        ShouldBeClean(vm);
    }

    [Theory]
    [MemberData(nameof(OkAcceptanceFiles))]
    public void Acceptance_file_scripts_are_clean(string name)
    {
        var plan = LoweredPlans.FromFile(System.IO.Path.Combine(RepoPaths.Acceptance, name));
        foreach (var vm in plan.Vms) ShouldBeClean(vm);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_scripts_are_clean(string name)
    {
        var plan = LoweredPlans.FromFile(System.IO.Path.Combine(RepoPaths.Examples, name));
        foreach (var vm in plan.Vms) ShouldBeClean(vm);
    }

    [Fact]
    public void Shellcheck_finds_problems_in_a_bad_script()
    {
        // The check itself must be able to fail: an unquoted expansion is a finding.
        var folder = Directory.CreateTempSubdirectory("vbmc-shellcheck-").FullName;
        try
        {
            var script = System.IO.Path.Combine(folder, "bad.sh");
            File.WriteAllText(script, "#!/bin/sh\nx=$1\nexec qemu $x\n");
            Run(script).ExitCode.Should().NotBe(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static void ShouldBeClean(VmPlan vm)
    {
        using var folder = ScriptFolder.Plain(vm);
        var result = Run(folder.Script);
        result.ExitCode.Should().Be(0, "shellcheck must be clean on {0}:\n{1}{2}", vm.ScriptFileName, result.Stdout, result.Stderr);
        File.ReadAllText(folder.Script).Should().NotContain("shellcheck disable");
    }

    private static ProcessResult Run(string script) =>
        ProcessRunner.Run(HostTools.Require("shellcheck", "shellcheck"), ["-s", "sh", "-S", "style", "-f", "gcc", script]);
}
