namespace Vbmc.Services;

/// <summary>
/// The folded value of one extension target, who extends it and what each extender contributed
/// (the result of its extension's <c>compute</c>, in service-list order).
/// </summary>
public sealed record FoldedTarget(
    string TypeName,
    ServiceNode Node,
    object Value,
    IReadOnlyList<ServiceNode> Contributors,
    IReadOnlyList<(ServiceNode From, object Value)> Contributions);

/// <summary>
/// The outcome of folding: every service (user's, essential, instantiated) in graph order, and
/// per target service type name (one that at least one service extends, plus the root) its folded
/// value. <see cref="Completed"/> is false when folding stopped on an error (then the values of
/// targets that could still be folded are present).
/// </summary>
public sealed class FoldResult
{
    internal FoldResult(IReadOnlyList<ServiceNode> services, IReadOnlyDictionary<string, FoldedTarget> targets, ServiceNode? root, bool completed)
    {
        Services = services;
        Targets = targets;
        Root = root;
        Completed = completed;
    }

    public IReadOnlyList<ServiceNode> Services { get; }

    public IReadOnlyDictionary<string, FoldedTarget> Targets { get; }

    /// <summary>The <c>system</c> service the fold ends at; null when it is missing or ambiguous.</summary>
    public ServiceNode? Root { get; }

    public bool Completed { get; }

    /// <summary>The folded value of the (single) service of that type, if any.</summary>
    public object? ValueOf(string typeName) =>
        Targets.TryGetValue(typeName, out var t) ? t.Value
        : Services.Where(s => s.TypeName == typeName).ToList() is [var only] ? only.FoldedValue : null;
}
