namespace Vbmc.Evaluation;

/// <summary>
/// One lexical frame at run time: slots indexed by the position the analyser gave each name
/// (parameters first, then internal definitions), so a variable reference is two integers.
/// </summary>
public sealed class Frame(object[] slots, Frame? parent)
{
    public readonly object[] Slots = slots;
    public readonly Frame? Parent = parent;
}

/// <summary>A top-level variable of a module. Modules that import a name share its cell.</summary>
public sealed class Cell(Data.Symbol name, Module? owner = null)
{
    public readonly Data.Symbol Name = name;

    /// <summary>
    /// The module that defined the variable. Library modules are cached for the whole process, so
    /// only the owner may assign a cell: otherwise one evaluation's <c>define</c> or <c>set!</c>
    /// would change the library every later evaluation sees.
    /// </summary>
    public readonly Module? Owner = owner;
    public object? Value;
    public bool IsBound => Value is not null;
}

/// <summary>The value of a letrec/internal-define slot before its initializer ran.</summary>
public sealed class Unassigned
{
    public static readonly Unassigned Instance = new();
    private Unassigned() { }
}

/// <summary>
/// Marks a top-level name whose definition failed with an error already reported: using it
/// stops the form silently instead of cascading "Unbound variable" errors from one root cause.
/// </summary>
public sealed class PoisonedValue
{
    public static readonly PoisonedValue Instance = new();
    private PoisonedValue() { }
}

/// <summary>Raised to abandon a form whose root error has already been reported.</summary>
public sealed class SilentError() : Exception("error already reported");
