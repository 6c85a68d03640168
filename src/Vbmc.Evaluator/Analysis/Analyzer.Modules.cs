using Vbmc.Data;
using Vbmc.Syntax;
using static Vbmc.Evaluation.Stx;

namespace Vbmc.Evaluation;

/// <summary>Module forms: define-module, use-modules (and Guix's use-*-modules), export.</summary>
public sealed partial class Analyzer
{
    private static void RegisterModuleForms()
    {
        Special("define-module", (a, f, s, t) =>
        {
            Expect(f, 2, int.MaxValue, "define-module");
            var ctx = EvalContext.Current;
            if (f.Items[1] is SyntaxList name) a.Module.Name = "(" + string.Join(' ', name.Items.Select(i => Printing.Printer.Display(i.ToDatum()))) + ")";
            for (var i = 2; i < f.Items.Length; i++)
            {
                if (f.Items[i] is not SyntaxAtom { Value: Keyword k }) continue;
                var arg = i + 1 < f.Items.Length ? f.Items[i + 1] : null;
                switch (k.Name)
                {
                    case "use-module" when arg is not null:
                        ModuleRegistry.Import(a.Module, arg, ctx);
                        i++;
                        break;
                    case "autoload" when arg is not null:
                        ModuleRegistry.Import(a.Module, arg, ctx);
                        i += 2;
                        break;
                    case "export" or "export-syntax" when arg is SyntaxList ex:
                        a.Module.Exports.AddRange(ex.Items.Select(Sym).OfType<Symbol>());
                        i++;
                        break;
                    case "re-export" or "re-export-syntax" when arg is SyntaxList rex:
                        a.Module.ReExports.AddRange(rex.Items.Select(Sym).OfType<Symbol>());
                        i++;
                        break;
                    case "pure" or "declarative?":
                        break;
                }
            }
            return new ConstNode(Unspecified.Instance, f.Span);
        });
        Special("use-modules", (a, f, s, t) =>
        {
            foreach (var spec in f.Items.Skip(1)) ModuleRegistry.Import(a.Module, spec, EvalContext.Current);
            return new ConstNode(Unspecified.Instance, f.Span);
        });
        foreach (var (form, prefix) in new[] { ("use-service-modules", "gnu services"), ("use-package-modules", "gnu packages"), ("use-system-modules", "gnu system") })
        {
            var parts = prefix.Split(' ');
            Special(form, (a, f, s, t) =>
            {
                foreach (var item in f.Items.Skip(1))
                {
                    if (Sym(item) is not { } leaf) throw Bad(item, $"{form}: expected a module name");
                    var spec = L(item.Span, [.. parts.Select(p => (SyntaxNode)S(p, item.Span)), item]);
                    ModuleRegistry.Import(a.Module, spec, EvalContext.Current);
                }
                return new ConstNode(Unspecified.Instance, f.Span);
            });
        }
        Special("export", (a, f, s, t) =>
        {
            a.Module.Exports.AddRange(f.Items.Skip(1).Select(Sym).OfType<Symbol>());
            return new ConstNode(Unspecified.Instance, f.Span);
        });
        // (re-export-modules (gnu system) (gnu services) ...): pass on every public name of each
        // module, as Guix's (gnu) does, instead of repeating their export lists by hand.
        Special("re-export-modules", (a, f, s, t) =>
        {
            foreach (var spec in f.Items.Skip(1))
            {
                if (spec is not SyntaxList { Items.Length: > 0 } names || names.Items.Any(i => Sym(i) is null))
                    throw Bad(spec, "re-export-modules: expected module names such as (gnu system)");
                var parts = names.Items.Select(i => Sym(i)!.Name).ToList();
                var module = ModuleRegistry.Get(parts)
                    ?? throw new SchemeError($"re-export-modules: module {ModuleRegistry.DisplayName(parts)} is not provided by vbmc",
                        Vbmc.Diagnostics.DiagnosticIds.UnknownModule) { Span = spec.Span };
                a.Module.ReExportedModules.Add(module);
                foreach (var (name, cell) in module.ExportedCells()) a.Module.Import(name, cell);
            }
            return new ConstNode(Unspecified.Instance, f.Span);
        });
        // (load "file"): the file's forms run in this module, now; its value is the last one's.
        // A relative name is relative to the folder of the file that names it.
        Special("load", (a, f, s, t) =>
        {
            Expect(f, 2, 2, "load");
            var name = a.Analyze(f.Items[1], s, false);
            var module = a.Module;
            return new FuncNode(fr =>
            {
                if (Interpreter.EvalNonTail(name, fr) is not string file)
                    throw new SchemeError("load: expects a file name (a string)", Vbmc.Diagnostics.DiagnosticIds.WrongType) { Span = f.Items[1].Span };
                var ctx = EvalContext.Current;
                return SourceFiles.ReadForms(file, f.Span, ctx) is { } read
                    ? TopLevel.RunForms([.. read.Forms], module, ctx)
                    : Unspecified.Instance;
            }, f.Span);
        });
        // (include "file"): the file's forms in place of this one, as if written here.
        Special("include", (a, f, s, t) =>
        {
            Expect(f, 2, 2, "include");
            if (f.Items[1] is not SyntaxAtom { Value: string file })
                throw Bad(f, "include: expects a file name (a string literal)");
            if (SourceFiles.ReadForms(file, f.Span, EvalContext.Current) is not { } read || read.Forms.Length == 0)
                return new ConstNode(Unspecified.Instance, f.Span);
            return a.Analyze(L(f.Span, [S("begin", f.Span), .. read.Forms]), s, t);
        });
        // (add-to-load-path DIR): later use-modules find user modules below DIR too.
        Special("add-to-load-path", (a, f, s, t) =>
        {
            Expect(f, 2, 2, "add-to-load-path");
            var dir = a.Analyze(f.Items[1], s, false);
            return new FuncNode(fr =>
            {
                if (Interpreter.EvalNonTail(dir, fr) is not string folder)
                    throw new SchemeError("add-to-load-path: expects a folder name (a string)", Vbmc.Diagnostics.DiagnosticIds.WrongType) { Span = f.Items[1].Span };
                var ctx = EvalContext.Current;
                var full = SourceFiles.Resolve(folder, f.Span, ctx);
                if (!SourceFiles.IsReadable(full, ctx))
                    throw new SchemeError($"add-to-load-path: {full} is outside the configuration's folder and the load path: vbmc reads no other file",
                        Vbmc.Diagnostics.DiagnosticIds.FileNotFound, "give its folder with -L DIR instead") { Span = f.Span };
                ctx.AddedLoadPath.Remove(full);
                ctx.AddedLoadPath.Insert(0, full);
                return Unspecified.Instance;
            }, f.Span);
        });
        // (current-filename): the file this form is written in.
        Special("current-filename", (a, f, s, t) =>
        {
            Expect(f, 1, 1, "current-filename");
            object name = f.Span.HasPosition && !string.IsNullOrEmpty(f.Span.File) ? Path.GetFullPath(f.Span.File) : false;
            return new ConstNode(name, f.Span);
        });
        // (define-deprecated/alias NAME TARGET [REPLACEMENT]): as Guix's (guix deprecation), NAME
        // stands for TARGET and each use warns "'NAME' is deprecated, use 'TARGET' instead". vbmc's
        // third element names the recommended replacement when TARGET is a private compatibility form.
        Special("define-deprecated/alias", (a, f, s, t) =>
        {
            if (f.Items.Length is not (3 or 4) || Sym(f.Items[1]) is not { } name || Sym(f.Items[2]) is not { } target
                || (f.Items.Length == 4 && Sym(f.Items[3]) is null))
                throw Bad(f, "define-deprecated/alias: expected (define-deprecated/alias NAME TARGET)");
            var replacement = f.Items.Length == 4 ? Sym(f.Items[3])!.Name : target.Name;
            var module = a.Module;
            var cell = module.Lookup(target);
            module.DefineCell(name).Value = new Guix.DeprecatedAlias(name.Name, replacement, () => cell);
            return new ConstNode(Unspecified.Instance, f.Span);
        });
        Special("re-export", (a, f, s, t) =>
        {
            a.Module.ReExports.AddRange(f.Items.Skip(1).Select(Sym).OfType<Symbol>());
            return new ConstNode(Unspecified.Instance, f.Span);
        });
    }
}
