using Vbmc.Compile;
using Vbmc.Emitters;
using Vbmc.Host.Apply.Tests.Support;
using Vbmc.Lowering;

namespace Vbmc.Host.Apply.Tests;

/// <summary>
/// Adding an artifact is one emitter and one descriptor: compile writes it and lists it, apply
/// installs it as a file of the generation, with nothing else to change. Without its descriptor
/// compile refuses it (not apply, later); vbmc's own apply refuses a kind it does not know.
/// </summary>
[Collection(CompiledCollection.Name)]
public sealed class ArtifactRegistrationTests : IDisposable
{
    private readonly TestRoot _t = new();

    public void Dispose() => _t.Dispose();

    private static readonly ArtifactKind Motd = new("motd");

    private static readonly ArtifactDescriptor MotdDescriptor = new()
    {
        Kind = Motd,
        PerVm = true,
        CompilePaths = vm => [$"motd/{vm}.txt"],
        InstalledPath = (vm, _) => $"{InstallLayout.SecretDirectory(vm!)}/motd.txt",
    };

    private static readonly ArtifactEmitter MotdEmitter = plan =>
        plan.Vms.Select(vm => Artifact.Text($"motd/{vm.Name}.txt", $"{vm.Name} lives on {vm.Date:yyyy-MM-dd}\n", Motd));

    private CompileResult Compile(string output, ArtifactCatalog catalog)
    {
        var source = Path.Combine(_t.Work, "alpha.scm");
        File.WriteAllText(source, Compiled.First);
        return CompileRunner.Run(new CompileRequest
        {
            SourcePath = source, OutputDirectory = Path.Combine(_t.Work, output), VbmcVersion = "test", BuildImages = false,
            Emitters = [.. ArtifactEmitters.Standard, MotdEmitter], Artifacts = catalog,
        });
    }

    [Fact]
    public void A_registered_artifact_is_compiled_listed_and_installed()
    {
        var catalog = ArtifactCatalog.Standard.With(MotdDescriptor);
        var compiled = Compile("out", catalog);
        compiled.Diagnostics.Where(d => d.Severity == Vbmc.Diagnostics.Severity.Error).Should().BeEmpty();
        var folder = Path.Combine(_t.Work, "out");
        Compiled.ManifestOf(folder).Artifacts.Should().ContainSingle(a => a.Kind == Motd)
            .Which.Should().Match<ManifestArtifact>(a => a.Path == "motd/alpha.txt" && a.Vm == "alpha");

        var output = new StringWriter();
        HostApplier.Apply(folder, new ApplyOptions { Root = _t.Root, Out = output, VbmcVersion = "test", Artifacts = catalog })
            .Where(d => d.Severity == Vbmc.Diagnostics.Severity.Error).Should().BeEmpty(output.ToString());
        var installed = _t.At("/etc/vbmc/alpha/motd.txt");
        File.ReadAllText(installed).Should().Be("alpha lives on 2012-06-01\n");
        new FileInfo(installed).LinkTarget.Should().Contain("var/lib/vbmc/current/files/etc/vbmc/alpha/motd.txt", "a file of the generation");

        // vbmc's own apply does not know the kind: the folder is refused before anything changes.
        var other = Path.Combine(_t.Top, "other-root");
        Directory.CreateDirectory(other);
        HostApplier.Apply(folder, new ApplyOptions { Root = other, VbmcVersion = "test" })
            .Should().Contain(d => d.Message.Contains("unexpected artifact 'motd/alpha.txt' (motd of VM alpha)"));
        Directory.EnumerateFileSystemEntries(other).Should().BeEmpty();
    }

    [Fact]
    public void An_emitter_without_a_descriptor_fails_at_compile()
    {
        var compiled = Compile("undescribed", ArtifactCatalog.Standard);
        compiled.Diagnostics.Should().ContainSingle(d => d.Severity == Vbmc.Diagnostics.Severity.Error)
            .Which.Message.Should().Contain("artifact 'motd/alpha.txt' (motd) has no descriptor");
        Directory.Exists(Path.Combine(_t.Work, "undescribed")).Should().BeFalse();
    }
}
