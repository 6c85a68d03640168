using System.Text.Json;
using System.Text.Json.Serialization;

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

/// <summary>
/// What an artifact is: manifest.json's "kind", the key of its <see cref="ArtifactDescriptor"/>
/// (which says where apply installs it and what apply does with it). A name, not an enum, so
/// that an artifact is added by adding its descriptor and emitter, without touching a switch.
/// </summary>
[JsonConverter(typeof(ArtifactKindJsonConverter))]
public readonly record struct ArtifactKind(string Name)
{
    public static readonly ArtifactKind LaunchScript = new("launch-script");
    public static readonly ArtifactKind SystemdUnit = new("systemd-unit");
    public static readonly ArtifactKind Sysusers = new("sysusers");
    public static readonly ArtifactKind Tmpfiles = new("tmpfiles");
    /// <summary>The accounts of the configuration's own services (not a VM's): sysusers.d/vbmc.conf.</summary>
    public static readonly ArtifactKind ConfigurationSysusers = new("configuration-sysusers");
    public static readonly ArtifactKind ShepherdService = new("shepherd-service");
    public static readonly ArtifactKind Accounts = new("accounts");
    /// <summary>libvirt/NAME.xml: the VM as a libvirt domain, for hosts that run VMs with libvirt.</summary>
    public static readonly ArtifactKind LibvirtDomain = new("libvirt-domain");
    public static readonly ArtifactKind GuixMachines = new("guix-machines");
    public static readonly ArtifactKind NixMachines = new("nix-machines");
    public static readonly ArtifactKind SshConfig = new("ssh-config");
    public static readonly ArtifactKind DiskImage = new("disk-image");
    public static readonly ArtifactKind Kernel = new("kernel");
    public static readonly ArtifactKind Initrd = new("initrd");

    public override string ToString() => Name ?? "";
}

/// <summary>An <see cref="ArtifactKind"/> is its name in JSON.</summary>
public sealed class ArtifactKindJsonConverter : JsonConverter<ArtifactKind>
{
    public override ArtifactKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } name
            ? new ArtifactKind(name)
            : throw new JsonException("an artifact kind is a non-empty string");

    public override void Write(Utf8JsonWriter writer, ArtifactKind value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name);
}

/// <summary>A file a stage wrote itself into the compile folder (images: too large to hold in memory).</summary>
public sealed record FileArtifact(string RelativePath, ArtifactKind Kind, int Mode = Artifact.Regular);
