using System.Text;
using Vbmc.Data;

namespace Vbmc.Evaluation;

/// <summary>A call in tail position, returned to the apply loop instead of growing the stack.</summary>
public sealed class TailCall(object procedure, object[] arguments)
{
    public readonly object Procedure = procedure;
    public readonly object[] Arguments = arguments;
}

/// <summary>The result of <c>(values a b ...)</c> with other than one value.</summary>
public sealed class MultipleValues(object[] items) : ISchemeWritable
{
    public object[] Items { get; } = items;

    public void WriteTo(StringBuilder output, bool write, Action<object> printElement)
    {
        for (var i = 0; i < Items.Length; i++) { if (i > 0) output.Append(' '); printElement(Items[i]); }
    }
}

/// <summary>A promise from <c>delay</c>/<c>make-promise</c>; forced once.</summary>
public sealed class Promise : ISchemeWritable
{
    private Func<object>? _compute;
    private object? _value;

    public Promise(Func<object> compute) => _compute = compute;

    public Promise(object value) => _value = value;

    public bool IsForced => _compute is null;

    public object Force()
    {
        if (_compute is { } c)
        {
            var v = c();
            if (_compute is not null) { _value = v; _compute = null; }
        }
        return _value!;
    }

    public void WriteTo(StringBuilder output, bool write, Action<object> printElement) => output.Append("#<promise>");
}

/// <summary>
/// A parameter object (<c>make-parameter</c>). Its value is per evaluation: parameterize pushes
/// bindings on the current <see cref="EvalContext"/>, so a cached stdlib module's parameters
/// (e.g. <c>%current-system</c>) read the options of whichever evaluation uses them.
/// </summary>
public sealed class Parameter(string? name, Func<object> defaultValue, object? converter) : Procedure
{
    public override string? Name { get; } = name;
    public Func<object> DefaultValue { get; } = defaultValue;
    public object? Converter { get; } = converter;

    public object Value
    {
        get
        {
            var bindings = EvalContext.Current.ParameterBindings;
            for (var i = bindings.Count - 1; i >= 0; i--)
                if (ReferenceEquals(bindings[i].Param, this)) return bindings[i].Value;
            return DefaultValue();
        }
    }

    public override void WriteTo(StringBuilder output, bool write, Action<object> printElement) =>
        output.Append("#<parameter>");
}

/// <summary>
/// A gexp: the template as written, with each <c>#$x</c> replaced by an <see cref="Ungexp"/>
/// holding x's value. It writes back as <c>#~template</c> with the values in place.
/// </summary>
public sealed class Gexp(object template) : ISchemeWritable
{
    public object Template { get; } = template;

    public void WriteTo(StringBuilder output, bool write, Action<object> printElement)
    {
        output.Append("#~");
        printElement(Template);
    }
}

/// <summary>An evaluated <c>#$x</c> (or <c>#+x</c>) inside a gexp template.</summary>
public sealed class Ungexp(object value, bool native) : ISchemeWritable
{
    public object Value { get; } = value;
    public bool Native { get; } = native;

    public void WriteTo(StringBuilder output, bool write, Action<object> printElement) => printElement(Value);
}

/// <summary>
/// <c>#$output</c> in a gexp: the output of the derivation the gexp builds (named "out" unless
/// given, as in <c>(ungexp output "lib")</c>), known only when Guix builds it.
/// </summary>
public sealed class GexpOutput(string name) : ISchemeWritable
{
    public string Name { get; } = name;

    public void WriteTo(StringBuilder output, bool write, Action<object> printElement) =>
        output.Append(Name == "out" ? "#$output" : $"#$output:{Name}");
}
