using Vbmc.Diagnostics;
using Vbmc.Evaluation;

namespace Vbmc.Evaluator.Tests;

/// <summary>Source files are UTF-8, as Guile reads them; anything else is an error where it starts, never replaced silently.</summary>
public sealed class SourceDecodingTests
{
    [Fact]
    public void A_byte_that_is_not_utf8_is_an_error_at_its_line_and_column()
    {
        byte[] latin1 = [.. "(define a \"é\")\n(define x \"caf"u8, 0xE9, .. "\")\n"u8];
        SourceDecoding.Decode(latin1, "old.scm", out var error).Should().BeNull();
        error!.Id.Should().Be(DiagnosticIds.InvalidEncoding);
        (error.Span.File, error.Span.StartLine, error.Span.StartColumn).Should().Be(("old.scm", 2, 15));
        error.Message.Should().Contain("byte 0xE9");
    }

    [Fact]
    public void A_truncated_sequence_at_the_end_is_an_error_and_valid_text_is_read_as_it_is()
    {
        SourceDecoding.Decode([.. "(list)\n"u8, 0xC3], "cut.scm", out var error).Should().BeNull();
        (error!.Span.StartLine, error.Span.StartColumn).Should().Be((2, 1));
        SourceDecoding.Decode("(list \"λ 日本\")\n"u8.ToArray(), "ok.scm", out var none).Should().Be("(list \"λ 日本\")\n");
        none.Should().BeNull();
    }

    [Fact]
    public void A_loaded_file_that_is_not_utf8_is_an_error_at_the_load()
    {
        var folder = Directory.CreateTempSubdirectory("vbmc-utf8-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "part.scm"), [.. "(define x \"caf"u8, 0xE9, .. "\")\n"u8]);
            File.WriteAllText(Path.Combine(folder, "main.scm"), "(load \"part.scm\")\nx\n");
            var result = ConfigurationEvaluator.EvaluateFile(Path.Combine(folder, "main.scm"));
            result.Diagnostics.Should().ContainSingle(d => d.Id == DiagnosticIds.InvalidEncoding)
                .Which.Span.StartLine.Should().Be(1, "at the (load ...) form");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
