using Vbmc.Diagnostics;
using Vbmc.Reading;
using Vbmc.TestSupport;

namespace Vbmc.Reader.Tests;

/// <summary>Each reader error is one diagnostic with its id, its place and Guile-like words.</summary>
public class ErrorTests
{
    private static Diagnostic ReadError(string text)
    {
        var result = SchemeReader.Read(text, "e.scm");
        result.HasErrors.Should().BeTrue();
        result.Data.Should().BeEmpty();
        return result.Diagnostics.Should().ContainSingle().Subject;
    }

    [Theory]
    [InlineData("(a\n (b c)\n (d", DiagnosticIds.UnterminatedList, 3, 2, "unterminated")]
    [InlineData("#(1 2", DiagnosticIds.UnterminatedList, 1, 1, "unterminated")]
    [InlineData("(a \"bc\n d", DiagnosticIds.UnterminatedString, 1, 4, "unterminated string")]
    [InlineData("\"a\\qb\"", DiagnosticIds.BadEscape, 1, 3, "escape")]
    [InlineData("\"\\x4z\"", DiagnosticIds.BadEscape, 1, 2, "escape")]
    [InlineData("(#q)", DiagnosticIds.BadHashSyntax, 1, 2, "unknown # object")]
    [InlineData("#xZZ", DiagnosticIds.BadNumber, 1, 1, "unknown # object")]
    [InlineData("(a #\\bogus)", DiagnosticIds.BadCharacter, 1, 4, "unknown character name bogus")]
    [InlineData("a\n  )", DiagnosticIds.UnexpectedCloseParen, 2, 3, "unexpected")]
    [InlineData("(a ]", DiagnosticIds.MismatchedBracket, 1, 4, "mismatched close paren")]
    [InlineData("[a )", DiagnosticIds.MismatchedBracket, 1, 4, "mismatched close paren")]
    [InlineData("(a . b c)", DiagnosticIds.BadDot, 1, 8, "missing close paren")]
    [InlineData("(a . )", DiagnosticIds.BadDot, 1, 6, "datum must follow")]
    [InlineData("#(a . b)", DiagnosticIds.BadDot, 1, 5, "vector")]
    [InlineData("x #| never closed", DiagnosticIds.UnterminatedComment, 1, 3, "unterminated")]
    [InlineData("#! never closed", DiagnosticIds.UnterminatedComment, 1, 1, "unterminated")]
    [InlineData("(a ')", DiagnosticIds.UnexpectedCloseParen, 1, 5, "unexpected")]
    [InlineData("'", DiagnosticIds.SyntaxError, 1, 1, "end of input")]
    [InlineData("#:(a)", DiagnosticIds.BadHashSyntax, 1, 1, "keyword")]
    [InlineData("1e400", DiagnosticIds.BadNumber, 1, 1, "out of range")]
    public void Diagnostic_has_id_place_and_words(string text, string id, int line, int column, string words)
    {
        var error = ReadError(text);
        error.Id.Should().Be(id);
        error.Severity.Should().Be(Severity.Error);
        (error.Span.StartLine, error.Span.StartColumn).Should().Be((line, column), error.Message);
        error.Span.File.Should().Be("e.scm");
        error.Message.Should().Contain(words);
    }

    [Fact]
    public void Acceptance_13_is_reported_at_the_innermost_unclosed_bracket()
    {
        var path = Path.Combine(RepoPaths.Acceptance, "13-error-unterminated-list.scm");
        var error = SchemeReader.Read(File.ReadAllText(path), path).Diagnostics.Single();
        (error.Span.StartLine, error.Span.StartColumn).Should().Be((7, 7), "the '(service' form; the record form inside it is closed");
        error.Message.Should().Contain("unterminated");
        error.Id.Should().Be(DiagnosticIds.UnterminatedList);
    }

    [Fact]
    public void Mismatched_bracket_points_back_at_the_opener()
    {
        var error = ReadError("(a\n b]");
        error.RelatedLocations.Should().ContainSingle().Which.Span.StartLine.Should().Be(1);
    }

    [Fact]
    public void Nesting_limit_is_reported_at_the_bracket_that_crosses_it()
    {
        var text = new string('(', SchemeReader.MaxNesting + 5);
        var error = ReadError(text);
        error.Id.Should().Be(DiagnosticIds.NestingTooDeep);
        error.Span.StartColumn.Should().Be(SchemeReader.MaxNesting + 1);
        error.Message.Should().Contain("nesting deeper than");
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var depth = SchemeReader.MaxNesting;
        var text = new string('(', depth) + new string(')', depth);
        var result = SchemeReader.Read(text, "deep.scm");
        result.HasErrors.Should().BeFalse(string.Join("\n", result.Diagnostics));
        result.Data.Single().ToDatum().Should().NotBeNull();
    }
}
