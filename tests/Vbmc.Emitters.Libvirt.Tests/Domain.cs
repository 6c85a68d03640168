using System.Xml.Linq;
using Vbmc.Lowering;

namespace Vbmc.Emitters.Libvirt.Tests;

/// <summary>A VM's domain, emitted and read back with an XML parser (never by matching text).</summary>
public sealed class Domain
{
    public static readonly XNamespace Qemu = LibvirtDomainEmitter.QemuNamespace;

    public Domain(VmPlan vm)
    {
        Artifact = LibvirtDomainEmitter.Emit(vm);
        Text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Artifact.Content);
        Root = XDocument.Parse(Text).Root!;
    }

    public Artifact Artifact { get; }
    public string Text { get; }
    public XElement Root { get; }

    public XElement One(string path) =>
        path.Split('/').Aggregate(Root, (e, name) => e.Elements(name).Should().ContainSingle($"one <{name}> in {path}").Subject);

    public IReadOnlyList<XElement> Disks => [.. Root.Element("devices")!.Elements("disk")];

    public XElement Disk(string target) =>
        Disks.Should().ContainSingle(d => (string?)d.Element("target")!.Attribute("dev") == target, $"one disk {target}").Subject;

    public IReadOnlyList<string> QemuArguments =>
        [.. Root.Element(Qemu + "commandline")!.Elements(Qemu + "arg").Select(a => (string)a.Attribute("value")!)];

    /// <summary>Writes the domain into <paramref name="folder"/> under its file name; returns the path.</summary>
    public string WriteTo(string folder)
    {
        var path = Path.Combine(folder, Path.GetFileName(Artifact.RelativePath));
        File.WriteAllBytes(path, Artifact.Content);
        return path;
    }
}
