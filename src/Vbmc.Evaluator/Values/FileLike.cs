using System.Text;
using Vbmc.Data;

namespace Vbmc.Evaluation;

/// <summary>
/// A file-like object (local-file, plain-file, mixed-text-file, file-append, computed-file).
/// Later stages lower it; here it is an opaque value with its kind and parameters.
/// </summary>
public sealed class FileLike(string kind, string name, IReadOnlyList<object> parameters) : ISchemeWritable
{
    /// <summary>local-file, plain-file, mixed-text-file, file-append, computed-file.</summary>
    public string Kind { get; } = kind;
    public string Name { get; } = name;
    /// <summary>local-file: absolute path; plain-file: content; mixed-text-file: parts; file-append: base + suffixes; computed-file: gexp.</summary>
    public IReadOnlyList<object> Parameters { get; } = parameters;

    public void WriteTo(StringBuilder output, bool write, Action<object> printElement)
    {
        output.Append("#<").Append(Kind).Append(' ');
        printElement(Name);
        output.Append('>');
    }
}

/// <summary>
/// An opaque package: one of Guix 1.5.0's, from the generated data of its module (with its real
/// name, version and outputs), or from <c>specification->package</c>.
/// </summary>
public sealed class Package : ISchemeWritable
{
    private readonly Func<string>? _versionSource;
    private string? _version;

    public Package(string name, string version, IReadOnlyList<string>? outputs = null)
    {
        Name = name;
        _version = version;
        Outputs = outputs ?? DefaultOutputs;
    }

    /// <summary>A package whose version is looked up when first needed (the core's catalogue names).</summary>
    public Package(string name, Func<string> version)
    {
        Name = name;
        _versionSource = version;
        Outputs = DefaultOutputs;
    }

    private static readonly IReadOnlyList<string> DefaultOutputs = ["out"];

    public string Name { get; }
    public string Version => _version ??= _versionSource!();
    /// <summary><c>package-outputs</c>: <c>("out")</c> unless Guix's package has more.</summary>
    public IReadOnlyList<string> Outputs { get; }
    /// <summary>The package-name of the package that supersedes this deprecated one, if any.</summary>
    public string? SupersededBy { get; init; }
    public bool Hidden { get; init; }

    public void WriteTo(StringBuilder output, bool write, Action<object> printElement) =>
        output.Append("#<package ").Append(Name).Append('@').Append(Version).Append('>');
}
