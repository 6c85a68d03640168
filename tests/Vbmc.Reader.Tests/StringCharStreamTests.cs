using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using Vbmc.Reading;
using Vbmc.Reading.Generated;

namespace Vbmc.Reader.Tests;

/// <summary>
/// The reader's lexer input (<see cref="StringCharStream"/>, which reads the text in place) answers
/// exactly as ANTLR's own <see cref="AntlrInputStream"/> (which copies it), symbol by symbol and
/// token by token.
/// </summary>
public class StringCharStreamTests
{
    private static readonly string[] Texts =
    [
        "", "a", "(a b)", "\"λ\\x41;\"\n#\\x", "😀 (x . y)\r\n;; c", "#|\n|#", "#(1 2)\n\n[a]",
    ];

    public static TheoryData<string> All => new(Texts);

    [Theory]
    [MemberData(nameof(All))]
    public void Answers_as_AntlrInputStream_at_every_position(string text)
    {
        var ours = new StringCharStream(text);
        var antlr = new AntlrInputStream(text);
        ours.Size.Should().Be(antlr.Size);
        for (var position = 0; position <= text.Length; position++)
        {
            ours.Index.Should().Be(antlr.Index);
            for (var i = -3; i <= 3; i++) ours.LA(i).Should().Be(antlr.LA(i), $"LA({i}) at {position} of {text}");
            if (position < text.Length)
            {
                ours.Consume();
                antlr.Consume();
            }
        }
        var consumeAtEnd = () => ours.Consume();
        consumeAtEnd.Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Gives_the_same_text_and_seeks_the_same(string text)
    {
        var ours = new StringCharStream(text);
        var antlr = new AntlrInputStream(text);
        for (var a = 0; a <= text.Length + 1; a++)
            for (var b = a; b <= text.Length + 1; b++)
                ours.GetText(Interval.Of(a, b)).Should().Be(antlr.GetText(Interval.Of(a, b)), $"[{a}, {b}] of {text}");
        foreach (var target in new[] { text.Length, 1, 0, text.Length + 5 })
        {
            ours.Seek(target);
            antlr.Seek(target);
            ours.Index.Should().Be(antlr.Index, $"after seeking {target}");
            ours.LA(1).Should().Be(antlr.LA(1));
        }
    }

    [Fact]
    public void The_lexer_makes_the_same_tokens_from_both()
    {
        foreach (var text in Texts.Concat(DifferentialCases.All()))
            Tokens(new StringCharStream(text)).Should().Equal(Tokens(new AntlrInputStream(text)), text);
    }

    private static List<(int, int, int, int, int, string)> Tokens(ICharStream input)
    {
        var lexer = new SchemeLexer(input);
        lexer.RemoveErrorListeners();
        var tokens = new List<(int, int, int, int, int, string)>();
        for (var token = lexer.NextToken(); ; token = lexer.NextToken())
        {
            tokens.Add((token.Type, token.StartIndex, token.StopIndex, token.Line, token.Column, token.Text));
            if (token.Type == TokenConstants.EOF) return tokens;
        }
    }
}
