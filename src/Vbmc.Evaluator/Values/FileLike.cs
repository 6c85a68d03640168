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

/// <summary>An opaque package from the catalogue or from <c>specification->package</c>.</summary>
public sealed class Package(string name, string version) : ISchemeWritable
{
    public string Name { get; } = name;
    public string Version { get; } = version;

    public void WriteTo(StringBuilder output, bool write, Action<object> printElement) =>
        output.Append("#<package ").Append(Name).Append('@').Append(Version).Append('>');
}
