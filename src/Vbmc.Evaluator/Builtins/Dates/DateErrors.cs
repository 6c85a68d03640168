using Vbmc.Diagnostics;
using Vbmc.Printing;

namespace Vbmc.Evaluation.Dates;

/// <summary>SRFI-19's time-error, worded as Guile prints it.</summary>
internal static class DateErrors
{
    /// <summary>"In procedure string->date: TIME-ERROR type bad-date-format-string: "~Y-~m-~d"".</summary>
    public static SchemeError TimeError(string procedure, string type, object detail, string? hint = null) =>
        new($"In procedure {procedure}: TIME-ERROR type {type}: {Printer.Write(detail)}", DiagnosticIds.RuntimeError, hint);
}
