using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Compile.Tests;

/// <summary>
/// libvirt/NAME.xml through the real program: listed in the manifest with its VM, and a CPU
/// property libvirt cannot say is a warning of check and compile that does not stop the compile.
/// </summary>
public sealed class LibvirtDomainCompileTests : IDisposable
{
    private readonly TempParent _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_vm_has_its_domain_in_the_manifest()
    {
        var run = VbmcCli.Run(["compile", Path.Combine(RepoPaths.Examples, "two-vms.scm"), "-o", _temp.Out, "--no-image", "--quiet"]);
        run.ExitCode.Should().Be(0, run.Stdout + run.Stderr);
        var manifest = Manifest.Parse(File.ReadAllText(Path.Combine(_temp.Out, "manifest.json")));
        manifest.Artifacts.Where(a => a.Kind == ArtifactKind.LibvirtDomain).Select(a => (a.Path, a.Vm, a.Mode))
            .Should().Equal(("libvirt/past.xml", "past", "0644"), ("libvirt/present.xml", "present", "0644"));
    }

    [Fact]
    public void A_cpu_property_libvirt_cannot_say_warns_in_check_and_compile_and_the_folder_is_written()
    {
        var source = _temp.Write("props.scm", """
            (use-modules (gnu services virtualization))
            (list (service virtual-build-machine-service-type
                    (virtual-build-machine (name 'props) (cpu "Broadwell,level=13"))))
            """);
        var check = VbmcCli.Run(["check", source]);
        check.ExitCode.Should().Be(0, check.Stdout + check.Stderr);
        check.Stdout.Should().Contain("props.scm:3:").And.Contain("warning: unsupported: libvirt/props.xml leaves out 'level=13'").And.Contain("[VBM5001]");

        var compile = VbmcCli.Run(["compile", source, "-o", _temp.Out, "--no-image"]);
        compile.ExitCode.Should().Be(0, compile.Stdout + compile.Stderr);
        compile.Stdout.Should().Contain("leaves out 'level=13'");
        File.ReadAllText(Path.Combine(_temp.Out, "run-props.sh")).Should().Contain("'Broadwell,level=13'", "the script passes it");
        File.Exists(Path.Combine(_temp.Out, "libvirt", "props.xml")).Should().BeTrue();
    }
}
