using System.Reflection;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Evaluation.Guix;
using Vbmc.Reading;

namespace Vbmc.Evaluation;

/// <summary>
/// The stdlib modules (embedded <c>stdlib/a/b.scm</c> resources) and the core module of builtins.
/// Each module is loaded once per process and shared: later evaluations only pay for a lookup.
/// </summary>
public static class ModuleRegistry
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, Module> Loaded = new(StringComparer.Ordinal);
    private static readonly Assembly Self = typeof(ModuleRegistry).Assembly;
    private static readonly HashSet<string> Resources = [.. Self.GetManifestResourceNames()];
    private static readonly Lazy<Module> CoreLazy = new(BuildCore, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Builtins of every area <see cref="BuiltinLibraries.All"/> lists, plus %current-system and friends.</summary>
    public static Module Core => CoreLazy.Value;

    public static string ResourceName(IReadOnlyList<string> parts) => "stdlib/" + string.Join('/', parts) + ".scm";

    public static string DisplayName(IReadOnlyList<string> parts) => "(" + string.Join(' ', parts) + ")";

    /// <summary>Whether vbmc has a hand-written stdlib file for the module (Guix's data aside).</summary>
    public static bool IsProvided(IReadOnlyList<string> parts) => Resources.Contains(ResourceName(parts));

    /// <summary>
    /// The module, loaded on first use; null when neither vbmc's stdlib nor Guix 1.5.0's data has
    /// it (or Guix itself cannot load it). A hand-written stdlib module is completed by the
    /// generated data of the same Guix module: every name Guix exports that the hand-written
    /// module does not is exported too, with the value built from its entry. A Guix module with no
    /// hand-written file is built from its data alone. <c>(generated a b)</c> is the data alone
    /// of <c>(a b)</c>, for hand-written modules that build on it.
    /// </summary>
    public static Module? Get(IReadOnlyList<string> parts)
    {
        var key = string.Join(' ', parts);
        lock (Gate)
        {
            if (Loaded.TryGetValue(key, out var m)) return m;
            if (parts.Count > 1 && parts[0] == GeneratedPrefix)
            {
                var guixParts = parts.Skip(1).ToList();
                // A Guix module without a hand-written file is its data alone: the same module.
                if (!Resources.Contains(ResourceName(guixParts))) return Get(guixParts);
                if (GuixData.Find(guixParts) is not { LoadError: null } alone) return null;
                var generated = new Module(alone.DisplayName, Core) { IsGenerated = true };
                Loaded[key] = generated;
                GuixModuleBuilder.Populate(generated, alone);
                return generated;
            }
            var resource = ResourceName(parts);
            var handWritten = Resources.Contains(resource);
            var data = GuixData.Find(parts);
            if (data is not null && data.LoadError is not null) data = null;
            if (!handWritten && data is null) return null;
            var module = new Module(DisplayName(parts), Core) { IsGenerated = !handWritten };
            // Registered before its body runs, so an import cycle sees the partial module.
            Loaded[key] = module;
            if (!handWritten)
            {
                GuixModuleBuilder.Populate(module, data!);
                return module;
            }
            Load(module, resource);
            if (data is not null) Complete(module, parts, data);
            return module;
        }
    }

    /// <summary>Whether the module was loaded (or built from the data) in this process (for tests of laziness).</summary>
    public static bool IsLoaded(IReadOnlyList<string> parts)
    {
        lock (Gate) return Loaded.ContainsKey(string.Join(' ', parts));
    }

    /// <summary>The first name of the pseudo-modules that hold a Guix module's generated data alone.</summary>
    public const string GeneratedPrefix = "generated";

    /// <summary>The first line of the error Guix 1.5.0 itself gives loading the module, when it cannot.</summary>
    public static string? GuixLoadError(IReadOnlyList<string> parts) => GuixData.Find(parts)?.LoadError;

    /// <summary>Exports the names of the Guix module that the hand-written one lacks (their cells are the data module's).</summary>
    private static void Complete(Module module, IReadOnlyList<string> parts, GuixModuleData data)
    {
        var own = new HashSet<Symbol>(module.ExportedCells().Select(e => e.Name));
        Module? generated = null;
        foreach (var entry in data.Entries)
        {
            var name = Symbol.Intern(entry.Name);
            if (own.Contains(name) || GuixModuleBuilder.IsVbmcOwn(entry.Name, entry.Kind)) continue;
            generated ??= Get([GeneratedPrefix, .. parts])!;
            var from = generated;
            module.LinkedExports.Add(new LinkedExport(name, () => from.FindExport(name)));
        }
        foreach (var reExported in data.ReExportedModules)
            if (Get(reExported) is { } m && !module.ReExportedModules.Contains(m))
                module.ReExportedModules.Add(m);
    }

    private static void Load(Module module, string resource)
    {
        using var stream = Self.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var read = SchemeReader.Read(text, resource);
        // A module is shared by every later evaluation in the process, so it is loaded in a context
        // of its own with default limits: the caller's budget (tiny in some tests) or options must
        // not leave a half-loaded module in the cache. Any diagnostic here is a bug in the stdlib,
        // passed on to the caller so it is seen.
        var caller = EvalContext.Current;
        var own = new EvalContext(new EvaluationOptions(), Environment.CurrentDirectory);
        using (own.Activate())
        {
            foreach (var d in read.Diagnostics) own.Report(d);
            if (!read.HasErrors) TopLevel.RunForms(read.Data, module, own);
        }
        foreach (var d in own.Diagnostics.Items) caller.Report(d);
    }

    private static Module BuildCore()
    {
        var table = new BuiltinTable();
        foreach (var register in BuiltinLibraries.All) register(table);
        var core = new Module("(guile)", null);
        foreach (var (name, value) in table.Values) core.Define(name, value);
        core.Define("%current-system", new Parameter("%current-system", () => EvalContext.Current.Options.System, null));
        core.Define("%current-target-system", new Parameter("%current-target-system", () => false, null));
        return core;
    }

    /// <summary>
    /// The environment of a user's file: core, then what each Guix command that loads such a file
    /// gives it: (guix scripts offload) for machines files, (guix channels) for channels files
    /// (`guix pull -C`, `guix time-machine -C`), and `guix system`'s modules.
    /// </summary>
    public static Module NewUserModule()
    {
        var user = new Module("(guile-user)", Core);
        foreach (string[] parts in new[] { new[] { "guix", "scripts", "offload" }, ["guix", "channels"] })
            if (Get(parts) is { } commandModule)
                foreach (var (name, cell) in commandModule.ExportedCells()) user.Import(name, cell);
        // `guix system` loads a configuration in a user module that already uses (gnu system),
        // (gnu services) and (gnu system shadow), so files that import only
        // (gnu services virtualization) may still call 'service' and 'operating-system'.
        foreach (string[] parts in new[] { new[] { "gnu", "system" }, ["gnu", "services"], ["gnu", "system", "shadow"] })
            if (Get(parts) is { } guixSystemModule)
                foreach (var (name, cell) in guixSystemModule.ExportedCells()) user.Import(name, cell);
        return user;
    }

    /// <summary>
    /// Imports one use-modules spec: <c>(a b)</c> or <c>((a b) #:select (x (y . z)) #:prefix p: #:hide (w))</c>.
    /// A module vbmc lacks is a warning; its names become unbound-variable errors with a hint.
    /// </summary>
    public static void Import(Module into, Syntax.SyntaxNode spec, EvalContext ctx)
    {
        Syntax.SyntaxList? nameList;
        var options = new List<Syntax.SyntaxNode>();
        if (spec is Syntax.SyntaxList { Items.Length: > 0 } l && l.Items[0] is Syntax.SyntaxList inner)
        {
            nameList = inner;
            options.AddRange(l.Items.Skip(1));
        }
        else nameList = spec as Syntax.SyntaxList;
        if (nameList is null || nameList.Items.Any(i => Stx.Sym(i) is null))
            throw new SchemeError("use-modules: bad module name", DiagnosticIds.BadSyntax) { Span = spec.Span };
        var parts = nameList.Items.Select(i => Stx.Sym(i)!.Name).ToList();
        // A module on the load path (-L, add-to-load-path) comes first, as with `guix system -L`.
        var module = SourceFiles.UserModule(parts, ctx, nameList.Span) ?? Get(parts);
        HashSet<Symbol>? hide = null;
        Dictionary<Symbol, Symbol>? select = null;
        string prefix = "";
        for (var i = 0; i + 1 < options.Count; i += 2)
        {
            var key = options[i] is Syntax.SyntaxAtom { Value: Keyword k } ? k.Name : "";
            var value = options[i + 1];
            switch (key)
            {
                case "select" when value is Syntax.SyntaxList sl:
                    select = [];
                    foreach (var item in sl.Items)
                    {
                        if (Stx.Sym(item) is { } s) select[s] = s;
                        else if (item is Syntax.SyntaxList { Items.Length: 1, Tail: not null } rn && Stx.Sym(rn.Items[0]) is { } from && Stx.Sym(rn.Tail) is { } to)
                            select[from] = to;
                    }
                    break;
                case "hide" when value is Syntax.SyntaxList hl:
                    hide = [.. hl.Items.Select(Stx.Sym).OfType<Symbol>()];
                    break;
                case "prefix" when Stx.Sym(value) is { } p:
                    prefix = p.Name;
                    break;
                default:
                    ctx.Report(Diagnostic.Warning(DiagnosticIds.Unsupported, options[i].Span, "this use-modules option is not supported by vbmc and is ignored"));
                    break;
            }
        }
        if (module is null)
        {
            ImportUnknown(into, parts, nameList, select, prefix, hide, ctx);
            return;
        }
        foreach (var (name, cell) in module.ExportedCells())
        {
            if (hide is not null && hide.Contains(name)) continue;
            var local = name;
            if (select is not null && !select.TryGetValue(name, out local!)) continue;
            if (prefix.Length > 0) local = Symbol.Intern(prefix + local.Name);
            into.Import(local, cell);
        }
    }

    /// <summary>
    /// A use-modules spec naming a module vbmc cannot find. A module Guix 1.5.0 itself cannot load
    /// gets a warning and its names stay unbound (Guix rejects the file too). Any other module (a
    /// channel's, such as nonguix, without -L) is an error with --strict-modules; otherwise it gets
    /// one warning and the names it may give (<see cref="UnknownImport"/>) become opaque values, so
    /// the rest of the file is still checked.
    /// </summary>
    private static void ImportUnknown(Module into, List<string> parts, Syntax.SyntaxList nameList,
        Dictionary<Symbol, Symbol>? select, string prefix, HashSet<Symbol>? hide, EvalContext ctx)
    {
        var display = DisplayName(parts);
        if (!into.MissingModules.Contains(display)) into.MissingModules.Add(display);
        if (GuixLoadError(parts) is { } loadError)
        {
            ctx.Report(Diagnostic.Warning(DiagnosticIds.UnknownModule, nameList.Span, $"module {display} is not provided by vbmc",
                $"GNU Guix 1.5.0 itself cannot load this module: {loadError}"));
            return;
        }
        if (parts[0] is "gnu" or "guix")
        {
            // vbmc knows every module of Guix 1.5.0: one it lacks is a mistake Guix rejects too.
            // A suggestion only for a near miss (a letter or two), not for any short name.
            var close = Records.Spelling.Closest(display, Guix.GuixData.ResourceNames
                .Select(r => DisplayName(Guix.GuixData.PartsOf(r))).Where(n => n.StartsWith("(" + parts[0] + " ", StringComparison.Ordinal)));
            if (close is not null && Records.Spelling.Distance(close, display) > Math.Max(1, parts[^1].Length / 4)) close = null;
            ctx.Report(Diagnostic.Error(DiagnosticIds.UnknownModule, nameList.Span, $"module {display} not found",
                close is null ? "GNU Guix 1.5.0 has no such module (a channel's module is found with -L)"
                              : $"GNU Guix 1.5.0 has no such module; did you mean {close}?"));
            return;
        }
        if (ctx.Options.StrictModules)
        {
            ctx.Report(Diagnostic.Error(DiagnosticIds.UnknownModule, nameList.Span, $"module {display} not found",
                "pass -L with the folder that holds it (a channel's checkout), as guix system -L; without --strict-modules its names are opaque values"));
            return;
        }
        ctx.Report(Diagnostic.Warning(DiagnosticIds.UnknownModule, nameList.Span,
            $"module {display} not found: the names it gives are not checked",
            "pass -L with the folder that holds it (a channel's checkout) to check them; --strict-modules makes this an error"));
        var selected = select?.Values.Select(v => Symbol.Intern(prefix + v.Name)).ToHashSet();
        into.UnknownImports.Add(new UnknownImport(display, selected, selected is null ? prefix : "", hide ?? []));
    }
}
