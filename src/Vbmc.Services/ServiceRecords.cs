using Vbmc.Data;
using Vbmc.Evaluation;
using Vbmc.Evaluation.Records;

namespace Vbmc.Services;

/// <summary>
/// The C# side of <c>(gnu services)</c>: services, service types and extensions are read through
/// the module's own accessors (so the engine never depends on how the records are laid out), and
/// recognised by their record type names.
/// </summary>
public static class ServiceRecords
{
    private static readonly string[] ModulePath = ["gnu", "services"];

    /// <summary>The loaded (gnu services) module; null if vbmc lacks it (never, in practice).</summary>
    public static Module? Module => ModuleRegistry.Get(ModulePath);

    public static bool IsService(object? value) => value is Record { Type.Name: "<service>" } r && IsOurs(r);

    public static bool IsServiceType(object? value) => value is Record { Type.Name: "<service-type>" } r && IsOurs(r);

    private static bool IsOurs(Record r) => ReferenceEquals(r.Type.Module, Module);

    public static Record Kind(Record service) => (Record)Call("service-kind", service);

    public static object Value(Record service) => Call("service-value", service);

    public static string TypeName(Record serviceType) =>
        serviceType.Get("name") switch
        {
            Symbol s => s.Name,
            var other => Printing.Printer.Display(other),
        };

    public static IReadOnlyList<(Record Target, object Compute)> Extensions(Record serviceType)
    {
        var list = Lists.ToListOrNull(Call("service-type-extensions", serviceType)) ?? [];
        return list.Select(e => ((Record)Call("service-extension-target", e), Call("service-extension-compute", e))).ToList();
    }

    public static object? Compose(Record serviceType) => Call("service-type-compose", serviceType) is false ? null : Call("service-type-compose", serviceType);

    public static object? Extend(Record serviceType) => Call("service-type-extend", serviceType) is false ? null : Call("service-type-extend", serviceType);

    /// <summary>The type's default value, or null when it has none (Guix's &amp;no-default-value).</summary>
    public static object? DefaultValue(Record serviceType)
    {
        var value = Call("service-type-default-value", serviceType);
        return ReferenceEquals(value, Binding("&no-default-value")) ? null : value;
    }

    /// <summary>The service a modified one was derived from (modify-services), for its location.</summary>
    public static Record? Origin(Record service) => Call("%service-origin", service) as Record;

    /// <summary>A new service of that type with that value (used to instantiate missing targets).</summary>
    public static Record MakeService(Record serviceType, object value) => (Record)Call("%make-service", serviceType, value);

    public static Record SystemServiceType => (Record)Binding("system-service-type");

    public static object Binding(string name) =>
        Module?.ValueOf(Symbol.Intern(name)) ?? throw new SchemeError($"(gnu services) has no '{name}'");

    private static object Call(string procedure, params object[] args) => Interpreter.Apply(Binding(procedure), args);
}
