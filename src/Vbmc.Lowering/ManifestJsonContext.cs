using System.Text.Json.Serialization;

namespace Vbmc.Lowering;

/// <summary>
/// manifest.json's serializer, generated at build time: vbmc runs as Native AOT, where the
/// reflection-based serializer cannot work. Indented, camelCase names, null members left out.
/// No enum is written (an artifact's kind is a name, <see cref="ArtifactKindJsonConverter"/>); an
/// enum member added later needs its own [JsonConverter(typeof(JsonStringEnumConverter&lt;T&gt;))].
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Manifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
