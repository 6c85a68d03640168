using System.Numerics;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Records;

namespace Vbmc.Evaluation.Guix;

/// <summary>
/// Builds the module of one Guix module's generated data: one exported variable per entry, its
/// value made from the entry (see src/Vbmc.Evaluator/README.md, "Modules from Guix's data").
/// A module is built when a configuration (or a stdlib module) first imports it; the index of
/// every name is separate (<see cref="GuixNameIndex"/>).
/// </summary>
public sealed class GuixModuleBuilder
{
    private static int _packagesBuilt;
    private static int _modulesBuilt;

    /// <summary>How many package values were made in this process (for tests of laziness).</summary>
    public static int PackagesBuilt => Volatile.Read(ref _packagesBuilt);

    /// <summary>How many data modules were built in this process.</summary>
    public static int ModulesBuilt => Volatile.Read(ref _modulesBuilt);

    private readonly GuixModuleData _data;
    private readonly Module _module;
    private readonly SourceSpan _span;
    private readonly Dictionary<string, RecordType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Symbol> _thisIds = new(StringComparer.Ordinal);

    private GuixModuleBuilder(GuixModuleData data, Module module)
    {
        _data = data;
        _module = module;
        _span = SourceSpan.FileOnly(GuixData.ResourceName(data.Parts));
    }

    /// <summary>
    /// The data module of <paramref name="data"/>: every entry's name defined and exported, except
    /// names that the core module (builtins) or the analyser's special forms already give, which
    /// stay vbmc's own (packages excepted: the data's package is the real one). Re-exports are
    /// linked to the defining module's cell when first imported.
    /// </summary>
    public static void Populate(Module module, GuixModuleData data)
    {
        new GuixModuleBuilder(data, module).Run();
        Interlocked.Increment(ref _modulesBuilt);
    }

    /// <summary>Whether a data entry named <paramref name="name"/> gives way to vbmc's own builtin or special form.</summary>
    public static bool IsVbmcOwn(string name, GuixEntryKind kind) =>
        kind != GuixEntryKind.Package
        && (ModuleRegistry.Core.Table.ContainsKey(Symbol.Intern(name)) || Analyzer.IsSpecialForm(name));

    private void Run()
    {
        foreach (var entry in _data.Entries)
            if (entry is { Kind: GuixEntryKind.Syntax } && entry.SymbolName("this-record") is { } t)
                _thisIds[t] = Symbol.Intern(entry.Name);
        // Record types first: constructors, accessors, predicates and service defaults refer to them.
        foreach (var entry in _data.Entries)
            if (entry.Kind == GuixEntryKind.RecordConstructor) TypeOfConstructor(entry);
        foreach (var entry in _data.Entries)
        {
            if (IsVbmcOwn(entry.Name, entry.Kind)) continue;
            var symbol = Symbol.Intern(entry.Name);
            if (entry.Kind == GuixEntryKind.ReExport)
            {
                var from = entry.Module("from");
                var original = Symbol.Intern(entry.SymbolName("name") ?? entry.Name);
                if (from is not null) _module.LinkedExports.Add(new LinkedExport(symbol, () => ResolveExport(from, original)));
                continue;
            }
            if (Value(entry) is not { } value) continue;
            _module.Define(entry.Name, value);
            _module.Exports.Add(symbol);
        }
        foreach (var parts in _data.ReExportedModules)
            if (ModuleRegistry.Get(parts) is { } m)
                _module.ReExportedModules.Add(m);
    }

    /// <summary>The cell another module exports <paramref name="name"/> in (the completed module: hand-written values win).</summary>
    internal static Cell? ResolveExport(IReadOnlyList<string> module, Symbol name) => ModuleRegistry.Get(module)?.FindExport(name);

    private object? Value(GuixEntry entry) =>
        entry.Kind switch
        {
            GuixEntryKind.Package => MakePackage(entry),
            GuixEntryKind.ServiceType => MakeServiceType(entry),
            GuixEntryKind.RecordType => RecordTypeOf(entry.Name, entry, []),
            GuixEntryKind.RecordConstructor => new RecordConstructorSyntax(TypeOfConstructor(entry)),
            GuixEntryKind.Procedure => MakeProcedure(entry),
            // (guix records)' own this-record, and each record type's name for it.
            GuixEntryKind.Syntax => entry.SymbolName("this-record") is not null || entry.Name == RecordType.DefaultThisId.Name
                ? new ThisRecordSyntax() : new GuixSyntax(_data.DisplayName, entry.Name),
            GuixEntryKind.Variable => MakeVariable(entry),
            GuixEntryKind.Deprecated => MakeDeprecated(entry),
            _ => null,
        };

    private static Package MakePackage(GuixEntry entry)
    {
        Interlocked.Increment(ref _packagesBuilt);
        var outputs = entry.Get("outputs") is List<object> l ? l.OfType<string>().ToList() : null;
        return new Package(entry.String("name") ?? entry.Name, entry.String("version") ?? "", outputs)
        {
            SupersededBy = entry.String("superseded-by"),
            Hidden = entry.Flag("hidden?"),
        };
    }

    // ---- record types -----------------------------------------------------------------------

    private RecordType TypeOfConstructor(GuixEntry ctor)
    {
        var typeName = ctor.SymbolName("type") ?? "<" + ctor.Name + ">";
        // The type's properties are on its own record-type entry when this file has one.
        var properties = _data.ByName.TryGetValue(typeName, out var own) && own.Kind == GuixEntryKind.RecordType ? own : ctor;
        return RecordTypeOf(typeName, properties, ctor.Names("no-default"));
    }

    private RecordType RecordTypeOf(string typeName, GuixEntry properties, IReadOnlyList<string> noDefault)
    {
        if (_types.TryGetValue(typeName, out var known)) return known;
        var type = GuixRecords.MakeType(typeName, properties.Names("fields"), [.. properties.Names("thunked")],
            [.. properties.Names("delayed")], [.. noDefault], _thisIds.GetValueOrDefault(typeName), _module, _span);
        _types[typeName] = type;
        return type;
    }

    // ---- service types ----------------------------------------------------------------------

    /// <summary>A real &lt;service-type&gt; of vbmc's (gnu services): Guix's name, no extensions, Guix's default when it has one.</summary>
    private Record MakeServiceType(GuixEntry entry)
    {
        var services = ModuleRegistry.Get(["gnu", "services"]) ?? throw new InvalidOperationException("(gnu services) is missing");
        var type = (RecordType)services.ValueOf(Symbol.Intern("<service-type>"))!;
        var noDefault = services.ValueOf(Symbol.Intern("&no-default-value"))!;
        var name = entry.SymbolName("name") ?? entry.Name;
        object defaultValue = noDefault;
        if (entry.Flag("default?"))
        {
            defaultValue = entry.SymbolName("default-type") is { } t && _types.TryGetValue(t, out var defaultType)
                ? GuixRecords.MakeDefault(defaultType, _span)
                : new OpaqueValue($"{_data.DisplayName} default value of {entry.Name}", entry.SymbolName("default-type"));
        }
        var values = new object[type.Fields.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = type.Fields[i].Name.Name switch
            {
                "name" => Symbol.Intern(name),
                "extensions" => Nil.Instance,
                "compose" or "extend" or "location" => false,
                "default-value" => defaultValue,
                "description" => $"The '{name}' service of Guix ({_data.DisplayName}), known to vbmc from Guix's data: it has no extensions here.",
                var other => throw new InvalidOperationException($"<service-type> has a field '{other}' the generated service types do not fill"),
            };
        }
        var record = new Record(type, values, FieldPlaces.None, _span);
        GeneratedServiceTypes.Add(record, new GeneratedServiceType(_data.DisplayName, entry.Name, entry.Names("extends")));
        return record;
    }

    /// <summary>The service types made from the data, with what Guix's extends (their extensions are not modelled).</summary>
    public static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Record, GeneratedServiceType> GeneratedServiceTypes = new();

    // ---- procedures -------------------------------------------------------------------------

    private GuixProcedure MakeProcedure(GuixEntry entry)
    {
        var arities = entry.Arities();
        return new GuixProcedure(_data.DisplayName, entry.Name, arities) { Model = RecordProcedure(entry.Name, arities) };
    }

    /// <summary>
    /// Accessors and predicates of this module's record types, by Guix's naming convention
    /// (<c>&lt;t&gt;</c>: <c>t?</c>, <c>t-FIELD</c>), with one required argument.
    /// </summary>
    private Func<object[], object?>? RecordProcedure(string name, IReadOnlyList<GuixArity> arities)
    {
        if (arities is not [{ Required: 1, Optional: 0, Rest: false, Keywords.Count: 0 }]) return null;
        RecordType? best = null;
        string? field = null;
        foreach (var type in _types.Values)
        {
            var stem = type.Name.TrimStart('<').TrimEnd('>');
            if (name == stem + "?") return args => Predicate(type.Name, args[0]);
            if (name.Length > stem.Length + 1 && name.StartsWith(stem + "-", StringComparison.Ordinal)
                && type.IndexOf(name[(stem.Length + 1)..]) >= 0 && (best is null || stem.Length > best.Name.Length - 2))
            {
                best = type;
                field = name[(stem.Length + 1)..];
            }
        }
        if (best is null) return null;
        var typeName = best.Name;
        return args => Access(name, typeName, field!, args[0]);
    }

    private static object Predicate(string typeName, object value) =>
        value switch
        {
            Record r => r.Type.Name == typeName,
            Package => typeName == "<package>",
            OpaqueValue { TypeName: { } t } => t == typeName,
            OpaqueValue o => new OpaqueValue($"({typeName.TrimStart('<').TrimEnd('>')}? {Printing.Printer.Write(o)})"),
            _ => false,
        };

    private static object Access(string accessor, string typeName, string field, object value)
    {
        switch (value)
        {
            case Record r when r.Type.Name == typeName:
                return r.Type.IndexOf(field) >= 0 ? r.Get(field) : new OpaqueValue($"({accessor} {Printing.Printer.Write(r)})");
            case Package p when typeName == "<package>":
                return field switch
                {
                    "name" => p.Name,
                    "version" => p.Version,
                    "outputs" => Lists.FromEnumerable(p.Outputs),
                    _ => new OpaqueValue($"({accessor} {Printing.Printer.Write(p)})"),
                };
            case OpaqueValue o:
                return new OpaqueValue($"({accessor} {Printing.Printer.Write(o)})");
            default:
                throw SchemeError.WrongType(accessor, 1, typeName.TrimStart('<').TrimEnd('>'), value);
        }
    }

    // ---- variables --------------------------------------------------------------------------

    private object? MakeVariable(GuixEntry entry)
    {
        var kind = entry.SymbolName("value-kind");
        if (kind == "unbound") return null; // exported, never defined: unbound in Guix too
        if (entry.Properties.TryGetValue("value", out var datum)) return FromDatum(datum);
        var what = $"{_data.DisplayName} {entry.Name}";
        return kind switch
        {
            "parameter" => new Parameter(entry.Name, () => new OpaqueValue($"({entry.Name})"), null),
            "promise" => new Promise(new OpaqueValue($"(force {entry.Name})")),
            // A non-empty list whose elements vbmc does not know: one opaque element, so that list
            // procedures (car, map, append...) work and typed fields accept it.
            "list" => new Pair(new OpaqueValue($"element of {what}", entry.SymbolName("element-type")), Nil.Instance),
            _ => new OpaqueValue(what, entry.SymbolName("type")),
        };
    }

    /// <summary>A #:value datum as a Scheme value (lists become proper lists).</summary>
    private static object FromDatum(object datum) =>
        datum switch
        {
            List<object> l => Lists.FromEnumerable(l.Select(FromDatum)),
            _ => datum,
        };

    // ---- deprecated names -------------------------------------------------------------------

    private DeprecatedAlias MakeDeprecated(GuixEntry entry)
    {
        var replacement = entry.SymbolName("replacement");
        var target = entry.SymbolName("expands-to") ?? replacement;
        return new DeprecatedAlias(entry.Name, replacement, () =>
        {
            if (entry.Get("target") is List<object> targetDatum && GuixEntry.FromDatum(targetDatum) is { } targetEntry)
            {
                // A private definition: its value is made here, in a cell of its own.
                var cell = new Cell(Symbol.Intern(targetEntry.Name), _module);
                cell.Value = Value(targetEntry) ?? new OpaqueValue($"{_data.DisplayName} {targetEntry.Name}");
                return cell;
            }
            if (target is null) return null;
            var symbol = Symbol.Intern(target);
            // This module's own name first: the public module's cell (a hand-written model wins).
            if (ResolveExport(_data.Parts, symbol) is { } here) return here;
            if (_module.FindExport(symbol) is { } generated) return generated;
            foreach (var definition in GuixNameIndex.Definitions(target))
                if (ResolveExport(definition.Module, symbol) is { } cell) return cell;
            return ModuleRegistry.Core.Table.TryGetValue(symbol, out var core) ? core : null;
        });
    }
}

/// <summary>What the data says of a service type vbmc builds from it.</summary>
public sealed record GeneratedServiceType(string Module, string Variable, IReadOnlyList<string> Extends);
