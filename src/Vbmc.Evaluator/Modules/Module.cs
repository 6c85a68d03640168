using Vbmc.Data;
using Vbmc.Diagnostics;

namespace Vbmc.Evaluation;

/// <summary>
/// A module's top-level environment. Names are looked up in its own table (definitions and
/// imports, which share the exporter's cells), then in the core module of builtins.
/// </summary>
public sealed class Module(string name, Module? core)
{
    public string Name { get; internal set; } = name;
    public Module? Core { get; } = core;
    public Dictionary<Symbol, Cell> Table { get; } = [];
    public List<Symbol> Exports { get; } = [];
    public List<Symbol> ReExports { get; } = [];

    /// <summary>Modules whose whole public interface this one passes on (<c>re-export-modules</c>).</summary>
    public List<Module> ReExportedModules { get; } = [];

    /// <summary>
    /// Names this module passes on from another module's cell, found when first imported (the
    /// generated data's re-exports, and a hand-written module's completion by its Guix data).
    /// </summary>
    public List<LinkedExport> LinkedExports { get; } = [];

    /// <summary>Modules this one asked for that vbmc does not provide (for unbound-name hints).</summary>
    public List<string> MissingModules { get; } = [];

    /// <summary>
    /// Imports of modules vbmc cannot find (a channel's, without -L; not in strict mode): which
    /// names each may give. A reference to an unbound name one of them may give is an opaque value.
    /// </summary>
    public List<UnknownImport> UnknownImports { get; } = [];

    /// <summary>The unknown import that may give <paramref name="name"/>, if any.</summary>
    public UnknownImport? UnknownImportOf(Symbol name) => UnknownImports.FirstOrDefault(i => i.MayGive(name));

    /// <summary>True for a module built from Guix's generated data alone.</summary>
    public bool IsGenerated { get; init; }

    /// <summary>The cell a reference to <paramref name="name"/> uses (created unbound if new).</summary>
    public Cell Lookup(Symbol name)
    {
        if (Table.TryGetValue(name, out var cell)) return cell;
        if (Core is not null && Core.Table.TryGetValue(name, out var core)) return core;
        return Table[name] = new Cell(name, this);
    }

    /// <summary>Value of a name if bound (used by the analyser to find macros).</summary>
    public object? ValueOf(Symbol name)
    {
        if (Table.TryGetValue(name, out var cell)) return cell.Value;
        if (Core is not null && Core.Table.TryGetValue(name, out var core)) return core.Value;
        return null;
    }

    /// <summary>
    /// The cell a top-level definition assigns: this module's own. Defining an imported name
    /// shadows the import with a new cell, as in Guile, and never writes into the exporter's.
    /// </summary>
    public Cell DefineCell(Symbol name)
    {
        if (Table.TryGetValue(name, out var cell) && ReferenceEquals(cell.Owner, this)) return cell;
        return Table[name] = new Cell(name, this);
    }

    public void Define(string name, object value) => DefineCell(Symbol.Intern(name)).Value = value;

    /// <summary>Makes <paramref name="cell"/> visible here under <paramref name="name"/>.</summary>
    public void Import(Symbol name, Cell cell)
    {
        if (Table.TryGetValue(name, out var own))
        {
            if (ReferenceEquals(own, cell)) return;
            // An earlier reference created a placeholder: give it the imported value.
            if (ReferenceEquals(own.Owner, this))
            {
                if (own.Value is null) own.Value = cell.Value;
                return;
            }
        }
        Table[name] = cell;
    }

    /// <summary>
    /// The cells this module offers to importers, by exported name, each name once: its own
    /// exports and re-exports first, then linked names, then the modules it passes on in order
    /// (the first module that exports a name gives it, as in Guile's module lookup).
    /// </summary>
    public IEnumerable<(Symbol Name, Cell Cell)> ExportedCells()
    {
        var seen = new HashSet<Symbol>();
        foreach (var s in Exports)
            if (seen.Add(s)) yield return (s, Table.TryGetValue(s, out var c) ? c : DefineCell(s));
        foreach (var s in ReExports)
            if (seen.Add(s)) yield return (s, Lookup(s));
        for (var i = 0; i < LinkedExports.Count; i++)
        {
            var link = LinkedExports[i];
            if (seen.Contains(link.Name) || link.Cell is not { } cell) continue;
            seen.Add(link.Name);
            yield return (link.Name, cell);
        }
        foreach (var m in ReExportedModules)
            foreach (var exported in m.ExportedCells())
                if (seen.Add(exported.Name)) yield return exported;
    }

    /// <summary>The cell this module exports under <paramref name="name"/>, or null.</summary>
    public Cell? FindExport(Symbol name)
    {
        // A module built from the data exports every variable it defines.
        if (IsGenerated && Table.TryGetValue(name, out var own) && ReferenceEquals(own.Owner, this)) return own;
        if (Exports.Contains(name)) return Table.TryGetValue(name, out var c) ? c : DefineCell(name);
        if (ReExports.Contains(name)) return Lookup(name);
        foreach (var link in LinkedExports)
            if (ReferenceEquals(link.Name, name) && link.Cell is { } linked) return linked;
        foreach (var m in ReExportedModules)
            if (m.FindExport(name) is { } cell) return cell;
        return null;
    }

    private static readonly Dictionary<string, string> Impure = new()
    {
        ["setenv"] = "the environment", ["current-date"] = "the clock",
        ["current-time"] = "the clock", ["gettimeofday"] = "the clock", 
        ["open-output-file"] = "files", ["call-with-output-file"] = "files",
        ["with-input-from-file"] = "files", ["system"] = "processes", ["system*"] = "processes",
        ["primitive-load"] = "files", ["random"] = "randomness", ["getcwd"] = "the file system",
        ["getpw"] = "the host",
    };

    /// <summary>Guile features vbmc deliberately does not offer (a clear "unsupported", not a typo hint).</summary>
    private static readonly HashSet<string> Unsupported =
    [
        "call/cc", "call-with-current-continuation", "call-with-escape-continuation", "with-exception-handler", "guard",
        "catch", "throw", "raise", "raise-exception", "syntax-case", "with-syntax", "datum->syntax", "syntax->datum",
        "eval", "eval-string", "primitive-eval", "read", "open-input-string", "open-output-string", "current-output-port",
        "make-hash-table", "hash-ref", "hash-set!", "hashq-ref", "hashq-set!", "hash-table-ref", "make-regexp",
        "string-match", "regexp-exec", "regexp-substitute/global", "define-class", "define-method", "make-struct",
        "define-inlinable", "define-syntax-parameter", "syntax-parameterize", "current-module",
        "resolve-module", "module-ref", "false-if-exception",
    ];

    /// <summary>
    /// "add (gnu services networking) to use-modules..." when a Guix 1.5.0 module exports the name
    /// (its own definition first; a module that only passes it on when no module defines it).
    /// </summary>
    public static string? GuixModuleHint(string name)
    {
        var definitions = Guix.GuixNameIndex.Definitions(name);
        if (definitions.Count == 0) return null;
        var defining = definitions.Where(d => !d.ReExport).ToList();
        var modules = (defining.Count > 0 ? defining : definitions.ToList()).Select(d => d.Module).ToList();
        // Modules for the build side, importers, commands and the installer are not what a
        // configuration uses: named only when nothing else has the name.
        var forConfigurations = modules.Where(m => !IsInternalModule(m)).ToList();
        if (forConfigurations.Count > 0) modules = forConfigurations;
        if (modules.Count == 1)
        {
            var m = modules[0];
            var display = "(" + string.Join(' ', m) + ")";
            var shorthand = m.Length == 3 ? m[1] switch
            {
                "services" when m[0] == "gnu" => $", or {m[2]} to use-service-modules",
                "packages" when m[0] == "gnu" => $", or {m[2]} to use-package-modules",
                "system" when m[0] == "gnu" => $", or {m[2]} to use-system-modules",
                _ => "",
            } : "";
            return $"'{name}' is defined in Guix's module {display}: add {display} to use-modules{shorthand}";
        }
        var shown = modules.Take(3).Select(m => "(" + string.Join(' ', m) + ")").ToList();
        var list = modules.Count > 3 ? string.Join(", ", shown) + $" and {modules.Count - 3} more"
            : string.Join(", ", shown.Take(shown.Count - 1)) + " and " + shown[^1];
        return $"'{name}' is defined in Guix's modules {list}: add the one you mean to use-modules";
    }

    private static bool IsInternalModule(string[] m) =>
        m.Length > 1 && (m[0], m[1]) is ("guix", "build") or ("guix", "import") or ("guix", "scripts")
            or ("gnu", "build") or ("gnu", "installer");

    public SchemeError UnboundError(Symbol name, SourceSpan span)
    {
        if (Unsupported.Contains(name.Name))
            return new SchemeError($"'{name.Name}' is not supported by vbmc", DiagnosticIds.Unsupported,
                "vbmc evaluates a subset of Guile Scheme large enough for build-machine configurations") { Span = span };
        string? hint = null;
        if (Impure.TryGetValue(name.Name, out var what))
            hint = $"configurations are pure: vbmc offers no access to {what}, so '{name.Name}' is not available";
        else if (GuixModuleHint(name.Name) is { } guix)
            hint = guix;
        else if (MissingModules.Count > 0)
            hint = MissingModules.Count == 1
                ? $"it may come from module {MissingModules[0]}, which vbmc does not provide"
                : $"it may come from one of the modules vbmc does not provide: {string.Join(", ", MissingModules)}";
        else
        {
            var close = Records.Spelling.Closest(name.Name,
                Table.Where(p => p.Value.IsBound).Select(p => p.Key.Name)
                     .Concat(Core?.Table.Keys.Select(k => k.Name) ?? []));
            if (close is not null) hint = $"did you mean '{close}'?";
        }
        return new SchemeError($"Unbound variable: {name.Name}", DiagnosticIds.UnboundVariable, hint) { Span = span };
    }
}

/// <summary>
/// An import of a module vbmc cannot find: the names it may give are those of its <c>#:select</c>
/// (as renamed), else any name (with its <c>#:prefix</c>), except those of <c>#:hide</c>.
/// </summary>
public sealed record UnknownImport(string Module, IReadOnlySet<Symbol>? Selected, string Prefix, IReadOnlySet<Symbol> Hidden)
{
    public bool MayGive(Symbol name) =>
        Selected is not null ? Selected.Contains(name)
            : name.Name.StartsWith(Prefix, StringComparison.Ordinal) && name.Name.Length > Prefix.Length
              && !Hidden.Contains(Symbol.Intern(name.Name[Prefix.Length..]));
}

/// <summary>A name a module passes on from another module's cell, found once, when first needed.</summary>
public sealed class LinkedExport(Symbol name, Func<Cell?> resolve)
{
    private Cell? _cell;

    public Symbol Name { get; } = name;

    /// <summary>The cell; null while it cannot be found (e.g. its module is still loading).</summary>
    public Cell? Cell => _cell ??= resolve();
}
