namespace Vbmc.Lowering;

/// <summary>
/// One file of the compile folder: its path relative to the folder ('/' separated), its exact
/// bytes, and its Unix mode. Emitters return artifacts; only the compile step writes files.
/// </summary>
public sealed record Artifact(string RelativePath, byte[] Content, ArtifactKind Kind, int Mode = 0b110_100_100)
{
    public const int Executable = 0b111_101_101; // 0755
    public const int Regular = 0b110_100_100;    // 0644

    public static Artifact Text(string relativePath, string content, ArtifactKind kind, int mode = Regular) =>
        new(relativePath, new System.Text.UTF8Encoding(false).GetBytes(content), kind, mode);
}

/// <summary>What an artifact is (manifest.json's "kind", what apply does with it).</summary>
public enum ArtifactKind
{
    LaunchScript,
    SystemdUnit,
    Sysusers,
    Tmpfiles,
    ShepherdService,
    Accounts,
    GuixMachines,
    NixMachines,
    SshConfig,
    DiskImage,
    Kernel,
    Initrd,
}

/// <summary>A file a stage wrote itself into the compile folder (images: too large to hold in memory).</summary>
public sealed record FileArtifact(string RelativePath, ArtifactKind Kind, int Mode = Artifact.Regular);
