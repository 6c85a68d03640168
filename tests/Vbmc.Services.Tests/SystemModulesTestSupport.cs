using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Printing;

namespace Vbmc.Services.Tests;

/// <summary>Runs whole configurations that use the Guix system modules through the services engine.</summary>
internal static class SystemModules
{
    /// <summary>The usual head of an operating-system file (line 1).</summary>
    public const string Prelude = "(use-modules (gnu) (guix scripts offload))\n";

    /// <summary>A complete operating system whose fields can be replaced by <paramref name="extraFields"/>.</summary>
    public static string OperatingSystem(string extraFields = "", string services = "%base-services") => Prelude + $$"""
        (operating-system
          (host-name "builder")
          (bootloader (bootloader-configuration
                       (bootloader grub-bootloader)
                       (targets '("/dev/sda"))))
          (file-systems (cons (file-system
                                (device (file-system-label "root"))
                                (mount-point "/")
                                (type "ext4"))
                              %base-file-systems))
          {{extraFields}}
          (services {{services}}))
        """;

    public static AnalysisResult Analyze(string text) =>
        ConfigurationAnalyzer.Analyze(text, "system.scm", new EvaluationOptions(), withJson: true);

    public static AnalysisResult AnalyzeFile(string path) =>
        ConfigurationAnalyzer.AnalyzeFile(path, new EvaluationOptions(), withJson: true);

    public static string Describe(AnalysisResult r) =>
        string.Join("\n  ", r.Evaluation.Diagnostics.Select(d => $"{d.Severity} {d.Span.StartLine}:{d.Span.StartColumn} {d.Message}"));

    public static IReadOnlyList<Diagnostic> Errors(AnalysisResult r) =>
        r.Evaluation.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

    public static string FoldedText(AnalysisResult r, string typeName)
    {
        // A target when some service extends it, else the value of the single service of that type.
        var value = r.Fold.ValueOf(typeName);
        value.Should().NotBeNull("the fold has one '{0}' service; diagnostics:\n  {1}", typeName, Describe(r));
        return Printer.Write(value!);
    }
}
