using Vbmc.Diagnostics;
using Vbmc.Services.Checks;
using Vbmc.TestSupport;

namespace Vbmc.Services.Tests;

/// <summary>
/// cpu, cpu-count and memory-size against what QEMU accepts, at check (compile's gate), and the
/// model lists against the real QEMUs (Debian 12's on this host, sid's in the reference root).
/// </summary>
public class QemuCpuModelCheckTests
{
    private static IReadOnlyList<Diagnostic> Check(string fields) => ConfigurationAnalyzer.Check(
        $"(use-modules (gnu services virtualization))\n(list (service virtual-build-machine-service-type (virtual-build-machine {fields})))",
        "cpu.scm").Diagnostics.Where(d => d.Id is DiagnosticIds.UnknownCpuModel or DiagnosticIds.QemuLimit).ToList();

    [Theory]
    [InlineData("(cpu \"Haswel\")", "did you mean 'Haswell'?")]
    [InlineData("(cpu \"skylake-client\")", "did you mean 'Skylake-Client'?")]
    public void A_misspelt_model_is_an_error_with_the_closest_model(string field, string hint)
    {
        var d = Check(field).Should().ContainSingle().Subject;
        d.Severity.Should().Be(Severity.Error);
        d.Hint.Should().Be(hint);
        (d.Span.StartLine, d.Span.StartColumn).Should().Be((2, 79), "at the value");
    }

    [Theory]
    [InlineData("(cpu \"Haswell\")")]
    [InlineData("(cpu \"Broadwell-v2,+aes,-hle\")")]
    [InlineData("(cpu \"max\")")]
    [InlineData("(date (make-date 0 0 0 0 1 1 2014 0))")]
    [InlineData("(systems '(\"aarch64-linux\")) (cpu \"cortex-a57\")")]
    public void Known_models_flags_and_other_architectures_pass(string field) => Check(field).Should().BeEmpty();

    [Fact]
    public void A_model_only_newer_qemu_knows_is_a_warning()
    {
        var d = Check("(cpu \"SapphireRapids\")").Should().ContainSingle().Subject;
        d.Severity.Should().Be(Severity.Warning);
        d.Message.Should().Contain("not to QEMU 7.2");
    }

    [Fact]
    public void Cpu_count_and_memory_beyond_qemus_limits_are_errors_at_check()
    {
        Check("(cpu-count 2000)").Should().ContainSingle().Which.Message.Should().Contain("255 CPUs of QEMU's default machine");
        Check("(memory-size (* 32 1024 1024 1024))").Should().ContainSingle().Which.Message.Should().Contain("more than 16 TiB");
        Check("(cpu-count 255) (memory-size 4096)").Should().BeEmpty();
    }

    [Fact]
    public void The_model_lists_are_what_the_real_qemus_list()
    {
        var folder = Directory.CreateTempSubdirectory("vbmc-cpu-models-").FullName;
        try
        {
            ReferenceRoot.Folder.Should().NotBeNull();
            var script = Path.Combine(RepoPaths.Root, "src/Vbmc.Services/Data/qemu-cpu-models/generate.sh");
            var run = ProcessRunner.Run("/bin/bash", [script, folder], timeout: TimeSpan.FromMinutes(5));
            run.ExitCode.Should().Be(0, run.Stderr);
            var committed = Path.Combine(RepoPaths.Root, "src/Vbmc.Services/Data/qemu-cpu-models");
            var fresh = Directory.GetFiles(folder, "*.txt").Select(Path.GetFileName).Order().ToList();
            fresh.Should().Equal(Directory.GetFiles(committed, "*.txt").Select(Path.GetFileName).Order(),
                "one list per QEMU version met: run the script again when a QEMU changes");
            foreach (var name in fresh)
                File.ReadAllText(Path.Combine(folder, name!)).Should().Be(File.ReadAllText(Path.Combine(committed, name!)), name);
            QemuCpuModels.X86.Select(v => v.Version).Should().Equal("7.2", "11.1");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
