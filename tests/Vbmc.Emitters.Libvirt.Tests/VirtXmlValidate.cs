using Vbmc.TestSupport;

namespace Vbmc.Emitters.Libvirt.Tests;

/// <summary>
/// libvirt's own validator (virt-xml-validate, Debian's libvirt-clients, which runs xmllint of
/// libxml2-utils against libvirt's RELAX NG schema of domains): what `virsh define` reads.
/// </summary>
public static class VirtXmlValidate
{
    public static ProcessResult Run(string file)
    {
        HostTools.Require("xmllint", "libxml2-utils");
        var validator = HostTools.Require("virt-xml-validate", "libvirt-clients");
        return ProcessRunner.Run(validator, [file, "domain"]);
    }

    public static void ShouldAccept(string file)
    {
        var result = Run(file);
        result.ExitCode.Should().Be(0, $"virt-xml-validate {file} domain:\n{result.Stdout}{result.Stderr}\n{File.ReadAllText(file)}");
        (result.Stdout + result.Stderr).Should().Contain("validates");
    }
}
