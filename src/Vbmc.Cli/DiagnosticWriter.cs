using Vbmc.Diagnostics;
using Vbmc.Diagnostics.Formatting;

namespace Vbmc.Cli;

/// <summary>The output formats of `vbmc check` and `vbmc compile`.</summary>
public enum OutputFormat
{
    Text,
    Json,
    Sarif,
    /// <summary>GitHub Actions workflow commands (annotations).</summary>
    GitHub,
}

/// <summary>Prints diagnostics in the chosen format.</summary>
public static class DiagnosticWriter
{
    public static string Version =>
        typeof(DiagnosticWriter).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "0.0.0";

    /// <summary>The values of --format, in the order help shows them.</summary>
    public static readonly string[] FormatNames = ["text", "json", "sarif", "github"];

    /// <summary>
    /// Text and GitHub's workflow commands go with the summary line ("2 errors, 1 warning") on
    /// standard error, so that standard output holds only diagnostics; JSON and SARIF are the
    /// whole standard output.
    /// </summary>
    public static void Write(IReadOnlyList<Diagnostic> diagnostics, OutputFormat format, CliEnvironment env, bool summary)
    {
        switch (format)
        {
            case OutputFormat.Json:
                env.Out.Write(JsonDiagnosticFormatter.Format(diagnostics));
                break;
            case OutputFormat.Sarif:
                env.Out.Write(new SarifDiagnosticFormatter(new SarifOptions
                {
                    ToolVersion = Version,
                    BaseDirectory = env.WorkingDirectory,
                }).Format(diagnostics));
                break;
            case OutputFormat.GitHub:
                env.Out.Write(GitHubDiagnosticFormatter.Format(diagnostics));
                if (summary) env.Error.WriteLine(DiagnosticSummary.Describe(diagnostics));
                break;
            default:
                env.Out.Write(new TextDiagnosticFormatter(SourceText.FromFiles(), env.ColorOutput).Format(diagnostics));
                if (summary) env.Error.WriteLine(DiagnosticSummary.Describe(diagnostics));
                break;
        }
        env.Out.Flush();
    }

    /// <summary>Diagnostics that are not the command's product (eval's, usage errors) go to standard error as text.</summary>
    public static void WriteToError(IReadOnlyList<Diagnostic> diagnostics, CliEnvironment env)
    {
        env.Error.Write(new TextDiagnosticFormatter(SourceText.FromFiles(), color: false).Format(diagnostics));
        env.Error.Flush();
    }

    public static int ExitCodeOf(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (errors.Any(d => IsUsageIoOrEnvironment(d.Id))) return ExitCodes.UsageOrIo;
        return errors.Count > 0 ? ExitCodes.ConfigurationErrors : ExitCodes.Ok;
    }

    /// <summary>
    /// Errors that are not the configuration's: usage and I/O (VBM9xxx), a file in compile's
    /// output folder that vbmc did not write, the machine that builds images (tools, base root,
    /// cache: VBM6xxx) and the host apply installs on (not root, a tool missing, another apply
    /// running, a manifest that is not compile's, a generation that does not exist: VBM7001-7003),
    /// and a VM the operating verbs (start, stop, ...) cannot act on (VBM7005).
    /// A script that runs vbmc can then tell "fix the file" (1) from "fix the machine" (2).
    /// `vbmc test` finding a VM unusable (VBM7004) is the answer it was asked for: 1.
    /// </summary>
    public static bool IsUsageIoOrEnvironment(string id) => id is
        DiagnosticIds.IoError or DiagnosticIds.UsageError or DiagnosticIds.InternalError or
        DiagnosticIds.OutputFolderConflict or DiagnosticIds.OutputFolderBusy or
        DiagnosticIds.ImageToolMissing or DiagnosticIds.ImageBuildFailed or DiagnosticIds.ImageBaseInvalid or
        DiagnosticIds.ApplyFailed or DiagnosticIds.ApplyConflict or DiagnosticIds.GenerationNotFound or
        DiagnosticIds.VmOperationFailed;

    /// <summary>A failure of vbmc itself, reported like any other problem (never a stack trace).</summary>
    public static Diagnostic Internal(string file, Exception e) =>
        Diagnostic.Error(DiagnosticIds.InternalError, SourceSpan.FileOnly(file),
            $"internal error: {e.GetType().Name}: {e.Message}", "this is a bug in vbmc; please report it with the input file");
}
