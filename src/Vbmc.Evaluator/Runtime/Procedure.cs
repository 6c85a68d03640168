using System.Text;
using Vbmc.Data;

namespace Vbmc.Evaluation;

/// <summary>Anything that can be applied: builtins written in C# and closures of the language.</summary>
public abstract class Procedure : ISchemeWritable
{
    /// <summary>The name Guile would show, or null for an anonymous procedure.</summary>
    public abstract string? Name { get; }

    public virtual void WriteTo(StringBuilder output, bool write, Action<object> printElement) =>
        output.Append(Name is null ? "#<procedure>" : $"#<procedure {Name}>");
}

/// <summary>
/// A procedure written in C#. Arity is checked by the evaluator before <see cref="Body"/> runs;
/// the body throws <see cref="SchemeError"/> for bad arguments.
/// </summary>
public sealed class Builtin(string name, int minArgs, int maxArgs, Func<object[], object> body) : Procedure
{
    /// <summary>Use for <see cref="MaxArgs"/> when any number of further arguments is accepted.</summary>
    public const int Variadic = -1;

    public override string Name { get; } = name;
    public int MinArgs { get; } = minArgs;
    public int MaxArgs { get; } = maxArgs;
    public Func<object[], object> Body { get; } = body;

    public bool Accepts(int count) => count >= MinArgs && (MaxArgs == Variadic || count <= MaxArgs);
}
