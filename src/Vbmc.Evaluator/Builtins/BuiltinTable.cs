namespace Vbmc.Evaluation;

/// <summary>
/// The procedures written in C#, by name. Each area of builtins (numbers, lists, strings, dates,
/// ...) is a static class with <c>Register(BuiltinTable table)</c>; the evaluator binds them in
/// its core environment, and stdlib modules re-export them by name.
/// </summary>
public sealed class BuiltinTable
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, object> Values => _values;

    public void Define(string name, int minArgs, int maxArgs, Func<object[], object> body) =>
        _values[name] = new Builtin(name, minArgs, maxArgs, body);

    /// <summary>Binds a non-procedure value (a constant, a catalogue entry).</summary>
    public void DefineValue(string name, object value) => _values[name] = value;
}
