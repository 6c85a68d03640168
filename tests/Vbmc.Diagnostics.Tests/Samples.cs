using Vbmc.Diagnostics;

namespace Vbmc.Diagnostics.Tests;

/// <summary>A small configuration and diagnostics about it, shared by the formatter tests.</summary>
internal static class Samples
{
    public const string File = "config.scm";

    public const string Text =
        "(list (build-machine\n" +
        "       (name \"a\")\n" +
        "\t(prot 22)))\n";

    public static Diagnostic Extraneous { get; } = new(
        DiagnosticIds.ExtraneousFieldInitializers, Severity.Error,
        new SourceSpan(File, 3, 2, 3, 11), "extraneous field initializers (prot)", "did you mean 'port'?");

    public static Diagnostic Missing { get; } = new(
        DiagnosticIds.MissingFieldInitializers, Severity.Error,
        new SourceSpan(File, 1, 7, 3, 11), "missing field initializers (user host-key)",
        Related: [new RelatedLocation(new SourceSpan("stdlib/offload.scm", 4, 1, 4, 10), "record type defined here")]);

    public static Diagnostic Deprecated { get; } = new(
        DiagnosticIds.DeprecatedField, Severity.Warning,
        new SourceSpan(File, 2, 8, 2, 18), "The 'system' field is deprecated, please use 'systems' instead.");

    public static Diagnostic MissingFile { get; } = new(
        DiagnosticIds.IoError, Severity.Error, SourceSpan.FileOnly("nope.scm"), "cannot open file: No such file or directory");

    public static IReadOnlyList<Diagnostic> All => [Extraneous, MissingFile, Deprecated, Missing];
}
