using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;

namespace Vbmc.Services;

/// <summary>One service instance of the graph: a <c>&lt;service&gt;</c> record and where it came from.</summary>
public sealed class ServiceNode
{
    internal ServiceNode(Record service, Record type, object value, SourceSpan span, ServiceOrigin origin)
    {
        Service = service;
        Type = type;
        Value = value;
        FoldedValue = value;
        Span = span;
        Origin = origin;
    }

    /// <summary>The <c>&lt;service&gt;</c> record.</summary>
    public Record Service { get; }

    /// <summary>The <c>&lt;service-type&gt;</c> record (the service's kind).</summary>
    public Record Type { get; }

    /// <summary>The service type's name (a symbol's name, e.g. "guix").</summary>
    public string TypeName => ServiceRecords.TypeName(Type);

    /// <summary>The value the service was given (or its type's default).</summary>
    public object Value { get; }

    /// <summary>
    /// The value after folding: <c>(extend value (compose extensions))</c> for a target with
    /// <c>extend</c>, else <see cref="Value"/>. Equal to <see cref="Value"/> when folding failed.
    /// </summary>
    public object FoldedValue { get; internal set; }

    /// <summary>
    /// Where the service was written (the <c>(service ...)</c> form). For a service the engine
    /// added, the location of the service or configuration that made it necessary.
    /// </summary>
    public SourceSpan Span { get; }

    public ServiceOrigin Origin { get; }

    /// <summary>The services that extend this one, in service-list order.</summary>
    public IReadOnlyList<ServiceNode> Extenders => ExtendersList;

    internal List<ServiceNode> ExtendersList { get; } = [];

    /// <summary>True when the engine added it (essential service or instantiated extension target).</summary>
    public bool IsImplicit => Origin != ServiceOrigin.User;

    public override string ToString() => $"{TypeName} at {Span}";
}

/// <summary>Why a service is in the graph.</summary>
public enum ServiceOrigin
{
    /// <summary>Written (directly or through a list such as %base-services) in the configuration.</summary>
    User,

    /// <summary>An essential service the system always has (the fold's root, ...).</summary>
    Essential,

    /// <summary>A missing extension target, instantiated with its type's default value.</summary>
    Instantiated,
}
