using Vbmc.Data;
using Vbmc.Diagnostics;
using Vbmc.Reading;
using Vbmc.Syntax;

namespace Vbmc.Reader.Tests;

/// <summary>Every datum carries its exact 1-based span (end exclusive).</summary>
public class SpanTests
{
    private static SyntaxNode ReadOne(string text)
    {
        var result = SchemeReader.Read(text, "s.scm");
        result.HasErrors.Should().BeFalse(string.Join("\n", result.Diagnostics));
        return result.Data.Single();
    }

    private static SourceSpan S(int l1, int c1, int l2, int c2) => new("s.scm", l1, c1, l2, c2);

    [Fact]
    public void Atoms_and_lists()
    {
        var list = (SyntaxList)ReadOne("  (foo 42\n  \"bar\")");
        list.Span.Should().Be(S(1, 3, 2, 9));
        list.Items[0].Span.Should().Be(S(1, 4, 1, 7));
        list.Items[1].Span.Should().Be(S(1, 8, 1, 10));
        list.Items[2].Span.Should().Be(S(2, 3, 2, 8));
    }

    [Fact]
    public void Dotted_tail_and_vector()
    {
        var list = (SyntaxList)ReadOne("(a . b)");
        list.Tail!.Span.Should().Be(S(1, 6, 1, 7));
        var vector = (SyntaxVector)ReadOne("#(1 [2])");
        vector.Span.Should().Be(S(1, 1, 1, 9));
        vector.Items[1].Span.Should().Be(S(1, 5, 1, 8));
    }

    [Theory]
    [InlineData("'x", "quote", 2)]
    [InlineData("`x", "quasiquote", 2)]
    [InlineData(",@x", "unquote-splicing", 3)]
    [InlineData("#$@x", "ungexp-splicing", 4)]
    [InlineData("#~x", "gexp", 3)]
    public void Abbreviation_head_spans_the_prefix(string text, string head, int prefixEnd)
    {
        var list = (SyntaxList)ReadOne(text);
        ((Symbol)((SyntaxAtom)list.Items[0]).Value).Name.Should().Be(head);
        list.Items[0].Span.Should().Be(S(1, 1, 1, prefixEnd));
        list.Items[1].Span.Should().Be(S(1, prefixEnd, 1, prefixEnd + 1));
        list.Span.Should().Be(S(1, 1, 1, prefixEnd + 1));
    }

    [Fact]
    public void Multi_line_string_ends_on_its_last_line()
    {
        ReadOne("\"ab\ncd\"").Span.Should().Be(S(1, 1, 2, 4));
    }

    [Fact]
    public void Crlf_line_ends_count_lines_once()
    {
        var result = SchemeReader.Read("(a\r\n b)\r\n  c", "s.scm");
        result.Data[0].Span.Should().Be(S(1, 1, 2, 4));
        ((SyntaxList)result.Data[0]).Items[1].Span.Should().Be(S(2, 2, 2, 3));
        result.Data[1].Span.Should().Be(S(3, 3, 3, 4));
    }

    [Fact]
    public void Keyword_spans_prefix_and_name()
    {
        var atom = (SyntaxAtom)ReadOne("#:foo");
        atom.Value.Should().BeSameAs(Keyword.Intern("foo"));
        atom.Span.Should().Be(S(1, 1, 1, 6));
    }

    [Fact]
    public void Columns_count_utf16_code_units()
    {
        var list = (SyntaxList)ReadOne("(😀 x)");
        list.Items[1].Span.Should().Be(S(1, 5, 1, 6));
    }

    [Fact]
    public void Comments_are_not_data_but_move_positions()
    {
        var result = SchemeReader.Read("#| a\nb |# #;(skip) x ; c\ny", "s.scm");
        result.Data.Should().HaveCount(2);
        result.Data[0].Span.Should().Be(S(2, 15, 2, 16));
        result.Data[1].Span.Should().Be(S(3, 1, 3, 2));
    }
}
