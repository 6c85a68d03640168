using Vbmc.Data;

namespace Vbmc.Evaluation;

/// <summary>
/// The analyser's view of one lexical frame: the names of its slots (parameters, let variables,
/// internal definitions) and local macros. A scope that is not a frame (let-syntax) only holds
/// macros and adds no run-time frame.
/// </summary>
public sealed class Scope(Scope? parent, bool isFrame = true)
{
    public readonly Scope? Parent = parent;
    public readonly bool IsFrame = isFrame;
    public readonly List<Symbol> Names = [];
    public Dictionary<Symbol, object>? Macros;

    public int Add(Symbol name)
    {
        var i = Names.LastIndexOf(name);
        if (i >= 0) return i;
        Names.Add(name);
        return Names.Count - 1;
    }

    /// <summary>The nearest frame scope (where internal definitions get slots).</summary>
    public Scope FrameScope => IsFrame ? this : Parent!.FrameScope;

    public void DefineMacro(Symbol name, object macro) => (Macros ??= [])[name] = macro;

    /// <summary>A local variable (depth, index), a local macro, or nothing (global).</summary>
    public static object? Resolve(Scope? scope, Symbol name, out int depth, out int index)
    {
        depth = 0;
        index = -1;
        for (var s = scope; s is not null; s = s.Parent)
        {
            if (s.Macros is not null && s.Macros.TryGetValue(name, out var m)) return m;
            var i = s.Names.LastIndexOf(name);
            if (i >= 0) { index = i; return s; }
            if (s.IsFrame) depth++;
        }
        return null;
    }
}
