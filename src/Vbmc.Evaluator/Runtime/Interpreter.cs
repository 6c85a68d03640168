using System.Runtime.CompilerServices;
using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Printing;

namespace Vbmc.Evaluation;

/// <summary>
/// The apply loop. Tail calls come back as <see cref="TailCall"/> and are run here in a loop, so
/// loops written as tail recursion use constant stack. Every call counts one step (the budget) and
/// every non-tail call one level of depth (the nesting limit), so runaway programs end in a
/// diagnostic instead of a hang or a stack overflow.
/// </summary>
public static class Interpreter
{
    public static object EvalNonTail(Node node, Frame? frame) => Force(node.Eval(frame));

    /// <summary>Runs a pending tail call to completion.</summary>
    public static object Force(object result) =>
        result is TailCall tc ? Apply(tc.Procedure, tc.Arguments) : result;

    public static object Apply(object procedure, params object[] args)
    {
        var ctx = EvalContext.Current;
        if (++ctx.Depth > ctx.Options.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            ctx.Depth--;
            throw new SchemeError($"nesting deeper than {ctx.Options.MaxDepth}", DiagnosticIds.EvaluationTooDeep);
        }
        try
        {
            while (true)
            {
                ctx.Tick();
                object result;
                switch (procedure)
                {
                    case Closure c:
                        result = c.Info.Body.Eval(c.Bind(args));
                        break;
                    case Builtin b:
                        if (!b.Accepts(args.Length))
                            throw new SchemeError($"Wrong number of arguments to {Printer.Brief(b)}", DiagnosticIds.WrongArgumentCount);
                        result = CallBuiltin(b, args);
                        break;
                    case Parameter p:
                        if (args.Length != 0)
                            throw new SchemeError($"Wrong number of arguments to {Printer.Brief(p)}", DiagnosticIds.WrongArgumentCount);
                        return p.Value;
                    case IApplicable a:
                        result = a.Apply(args);
                        break;
                    default:
                        throw new SchemeError($"Wrong type to apply: {Printer.Brief(procedure)}", DiagnosticIds.NotAProcedure);
                }
                if (result is TailCall tc)
                {
                    procedure = tc.Procedure;
                    args = tc.Arguments;
                    continue;
                }
                return result;
            }
        }
        finally
        {
            ctx.Depth--;
        }
    }

    /// <summary>
    /// A call to a builtin from an application node: no frame and no recursion of its own, so it
    /// skips the depth accounting (the procedures a builtin calls back go through <see cref="Apply"/>).
    /// </summary>
    public static object CallBuiltinDirect(Builtin b, object[] args, bool tail)
    {
        var ctx = EvalContext.Current;
        ctx.Tick();
        if (!b.Accepts(args.Length))
            throw new SchemeError($"Wrong number of arguments to {Printer.Brief(b)}", DiagnosticIds.WrongArgumentCount);
        var result = CallBuiltin(b, args);
        return !tail && result is TailCall tc ? Apply(tc.Procedure, tc.Arguments) : result;
    }

    private static object CallBuiltin(Builtin b, object[] args)
    {
        try
        {
            return b.Body(args);
        }
        catch (SchemeError e) when (e.Id == DiagnosticIds.WrongType && args.Any(Guix.OpaqueValue.Involves))
        {
            // An argument is (or holds) a Guix value vbmc does not model: what Guix would compute
            // is unknown, so is the result; no error vbmc cannot be sure of.
            return new Guix.OpaqueValue($"({b.Name} ...)");
        }
        catch (OutOfMemoryException)
        {
            // The heap limit (or an object larger than .NET allows) refused what the builtin was
            // making; the partial value is garbage once this unwinds.
            throw EvalContext.OutOfMemory($"In procedure {b.Name}");
        }
        catch (Exception e) when (e is not SchemeError and not SilentError)
        {
            // Builtins validate their arguments; anything else is still reported, never leaked.
            throw new SchemeError($"In procedure {b.Name}: {e.Message}");
        }
    }

    public static bool IsProcedure(object value) => value is Procedure or IApplicable;
}

/// <summary>Values other than procedures that can be applied (record accessors, ...).</summary>
public interface IApplicable
{
    object Apply(object[] args);
}
