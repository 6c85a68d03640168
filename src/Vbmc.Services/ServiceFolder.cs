using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Records;

namespace Vbmc.Services;

/// <summary>
/// Guix's fold-services with located diagnostics: instantiate missing extension targets that have
/// a default value (until nothing changes), link each extension to its single target, then fold
/// every node once, extenders first: a target whose type has <c>extend</c> gets
/// <c>(extend value (compose extensions))</c>, where each extension is the extender's
/// <c>compute</c> applied to the extender's folded value (Guix uses the first matching extension
/// of the extender's type). Types without <c>extend</c> keep their value, as in Guix.
/// Runs on the evaluation thread (it calls Scheme procedures).
/// </summary>
public sealed class ServiceFolder
{
    private readonly DiagnosticBag _diagnostics;
    private readonly string _fileName;
    private readonly List<ServiceNode> _nodes = [];
    private readonly Dictionary<ServiceNode, List<(ServiceNode From, object Value)>> _contributions = [];
    private readonly Dictionary<ServiceNode, FoldState> _state = [];
    private readonly Stack<ServiceNode> _path = new();
    private bool _completed = true;

    private enum FoldState { Visiting, Done }

    private ServiceFolder(DiagnosticBag diagnostics, string fileName)
    {
        _diagnostics = diagnostics;
        _fileName = fileName;
    }

    public static FoldResult Empty { get; } = new([], new Dictionary<string, FoldedTarget>(), null, true);

    public static FoldResult Fold(ServiceCollector.Collected collected, DiagnosticBag diagnostics, string fileName) =>
        new ServiceFolder(diagnostics, fileName).Run(collected);

    private FoldResult Run(ServiceCollector.Collected collected)
    {
        var anchor = collected.Anchor ?? SourceSpan.FileOnly(_fileName);
        foreach (var s in collected.UserServices) Add(s, ServiceOrigin.User, null);
        foreach (var s in collected.EssentialServices) Add(s, ServiceOrigin.Essential, null);

        var systemType = ServiceRecords.SystemServiceType;
        // The root every system has; Guix's operating-system adds it among the essential services.
        if (!_nodes.Any(n => ReferenceEquals(n.Type, systemType)))
            Add(ServiceRecords.MakeService(systemType, ServiceRecords.DefaultValue(systemType) ?? Nil.Instance), ServiceOrigin.Essential, anchor);

        InstantiateMissingTargets();
        var edges = LinkExtensions();
        var root = FindRoot(systemType, anchor);

        if (root is not null) FoldNode(root, edges);
        foreach (var node in _nodes) FoldNode(node, edges);

        var targets = new Dictionary<string, FoldedTarget>(StringComparer.Ordinal);
        foreach (var node in _nodes)
        {
            if (node.Extenders.Count == 0 && node != root) continue;
            var contributions = _contributions.TryGetValue(node, out var c) ? c : [];
            targets[node.TypeName] = new FoldedTarget(node.TypeName, node, node.FoldedValue, node.Extenders, contributions);
        }
        return new FoldResult(_nodes.ToList(), targets, root, _completed);
    }

    private ServiceNode Add(Record service, ServiceOrigin origin, SourceSpan? span)
    {
        var location = span ?? SpanOf(service);
        var node = new ServiceNode(service, ServiceRecords.Kind(service), ServiceRecords.Value(service), location, origin);
        _nodes.Add(node);
        return node;
    }

    /// <summary>A service's location: the (service ...) form it was written as, through modify-services.</summary>
    public static SourceSpan SpanOf(Record service)
    {
        var seen = new HashSet<Record>(ReferenceEqualityComparer.Instance);
        var current = service;
        while (ServiceRecords.Origin(current) is { } origin && seen.Add(origin)) current = origin;
        return current.Span;
    }

    private void InstantiateMissingTargets()
    {
        var reported = new HashSet<(ServiceNode, Record)>();
        bool changed;
        do
        {
            changed = false;
            foreach (var node in _nodes.ToList())
            {
                foreach (var (target, _) in ServiceRecords.Extensions(node.Type))
                {
                    if (_nodes.Any(n => ReferenceEquals(n.Type, target))) continue;
                    if (ServiceRecords.DefaultValue(target) is { } value)
                    {
                        Add(ServiceRecords.MakeService(target, value), ServiceOrigin.Instantiated, node.Span);
                        changed = true;
                    }
                    else if (reported.Add((node, target)))
                    {
                        Error(DiagnosticIds.MissingTargetService, node.Span,
                            $"no target of type '{ServiceRecords.TypeName(target)}' for service '{node.TypeName}'");
                    }
                }
            }
        }
        while (changed);
    }

    /// <summary>For each node, its extensions: (target node, compute) pairs, first match per target type.</summary>
    private Dictionary<ServiceNode, List<(ServiceNode Target, object Compute)>> LinkExtensions()
    {
        var edges = new Dictionary<ServiceNode, List<(ServiceNode, object)>>();
        foreach (var node in _nodes)
        {
            var list = new List<(ServiceNode, object)>();
            var linkedTypes = new HashSet<Record>(ReferenceEqualityComparer.Instance);
            foreach (var (targetType, compute) in ServiceRecords.Extensions(node.Type))
            {
                // Guix applies only the first extension of a type that matches a given target.
                if (!linkedTypes.Add(targetType)) continue;
                var targets = _nodes.Where(n => ReferenceEquals(n.Type, targetType)).ToList();
                if (targets.Count == 1)
                {
                    list.Add((targets[0], compute));
                    targets[0].ExtendersList.Add(node);
                }
                else if (targets.Count > 1)
                {
                    Error(DiagnosticIds.AmbiguousTargetService, node.Span,
                        $"more than one target service of type '{ServiceRecords.TypeName(targetType)}'",
                        targets.Select(t => new RelatedLocation(t.Span, $"a service of type '{t.TypeName}'")));
                }
            }
            edges[node] = list;
        }
        return edges;
    }

    private ServiceNode? FindRoot(Record systemType, SourceSpan anchor)
    {
        var roots = _nodes.Where(n => ReferenceEquals(n.Type, systemType)).ToList();
        if (roots.Count == 1) return roots[0];
        var name = ServiceRecords.TypeName(systemType);
        if (roots.Count == 0)
            Error(DiagnosticIds.RootServiceNotFound, anchor, $"service of type '{name}' not found");
        else
            Error(DiagnosticIds.AmbiguousTargetService, roots[1].Span, $"more than one target service of type '{name}'",
                roots.Where(r => r != roots[1]).Select(r => new RelatedLocation(r.Span, $"a service of type '{name}'")));
        return null;
    }

    private void FoldNode(ServiceNode node, Dictionary<ServiceNode, List<(ServiceNode Target, object Compute)>> edges)
    {
        if (_state.TryGetValue(node, out var state))
        {
            if (state == FoldState.Visiting) ReportCycle(node);
            return;
        }
        _state[node] = FoldState.Visiting;
        _path.Push(node);
        try
        {
            var extensions = new List<(ServiceNode From, object Value)>();
            foreach (var extender in node.Extenders)
            {
                FoldNode(extender, edges);
                if (_state.GetValueOrDefault(extender) != FoldState.Done) continue; // part of a cycle
                var compute = edges[extender].First(e => e.Target == node).Compute;
                if (Try(extender.Span, () => Interpreter.Apply(compute, extender.FoldedValue), out var extension))
                    extensions.Add((extender, extension!));
            }
            _contributions[node] = extensions;

            var extend = ServiceRecords.Extend(node.Type);
            // Guix: a type without 'extend' keeps its value (its extensions are ignored).
            if (extend is null) return;
            var compose = ServiceRecords.Compose(node.Type);
            if (compose is null)
            {
                Error(DiagnosticIds.ServiceExtensionFailed, node.Span,
                    $"service type '{node.TypeName}' has an 'extend' procedure but no 'compose' procedure");
                return;
            }
            var values = Lists.FromEnumerable(extensions.Select(e => e.Value));
            // A failure is placed at the service if the user wrote it, else at the first extension
            // the user wrote (an implicit service such as sysctl fails on what extends it).
            var at = EvalContext.IsLibrary(node.Span)
                ? extensions.Select(e => e.From.Span).FirstOrDefault(span => !EvalContext.IsLibrary(span), node.Span)
                : node.Span;
            if (Try(at, () => Interpreter.Apply(extend, node.Value, Interpreter.Apply(compose, values)), out var folded))
                node.FoldedValue = folded!;
        }
        finally
        {
            _path.Pop();
            _state[node] = FoldState.Done;
        }
    }

    private void ReportCycle(ServiceNode closing)
    {
        // _path holds the chain from the first fold call to here; the cycle is its tail from 'closing'.
        var chain = _path.Reverse().SkipWhile(n => n != closing).Append(closing).Select(n => n.TypeName);
        Error(DiagnosticIds.ServiceCycle, closing.Span, $"services extend each other in a cycle: {string.Join(" -> ", chain)}");
    }

    /// <summary>Runs a Scheme procedure of a service type; a failure is a diagnostic at the service.</summary>
    private bool Try(SourceSpan at, Func<object> action, out object? result)
    {
        var context = EvalContext.Current;
        var previous = context.LibraryDiagnosticsAt;
        context.LibraryDiagnosticsAt = at;
        try
        {
            result = action();
            return true;
        }
        catch (SchemeError e)
        {
            // An error inside the user's own code keeps its place; one inside a library module is
            // reported at the service, which is what the user wrote.
            var span = e.Span is { } s && s.File == _fileName ? s : at;
            Error(e.Id, span, e.Message, hint: e.Hint);
        }
        finally
        {
            context.LibraryDiagnosticsAt = previous;
        }
        result = null;
        return false;
    }

    private void Error(string id, SourceSpan span, string message, IEnumerable<RelatedLocation>? related = null, string? hint = null)
    {
        _completed = false;
        var list = related?.ToList();
        _diagnostics.Add(new Diagnostic(id, Severity.Error, span, message, hint, list is { Count: > 0 } ? list : null));
    }
}
