using Vbmc.Lowering;

namespace Vbmc.Compile;

/// <summary>A text artifact to write, with the VM it belongs to (null: the machine files).</summary>
public sealed record OutputFile(Artifact Artifact, string? Vm)
{
    public string Path => Artifact.RelativePath;
}

/// <summary>A file another stage writes itself into the staging folder (images), with its VM.</summary>
public sealed record ProducedFile(FileArtifact Artifact, string? Vm)
{
    public string Path => Artifact.RelativePath;
}

/// <summary>
/// Writes large files straight into the staging folder (its path is the argument) and returns
/// them; returns null after reporting why it failed.
/// </summary>
public delegate IReadOnlyList<ProducedFile>? FileProducer(string stagingDirectory, Vbmc.Diagnostics.DiagnosticBag diagnostics);
