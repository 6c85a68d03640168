using Antlr4.Runtime;
using Vbmc.Diagnostics;

namespace Vbmc.Reading;

/// <summary>
/// Turns token positions into 1-based <see cref="SourceSpan"/>s. ANTLR gives a token's start line
/// and 0-based column; ends (and positions inside tokens, for errors in strings) are computed
/// from the text. Columns count UTF-16 code units, as <see cref="SourceSpan"/> specifies.
/// </summary>
internal sealed class TextPositions(string text, string file)
{
    public string Text { get; } = text;
    public string File { get; } = file;

    /// <summary>The characters of a token, read from the text: IToken.Text would copy them into a new string each time.</summary>
    public ReadOnlySpan<char> CharsOf(IToken token) => Text.AsSpan(token.StartIndex, token.StopIndex - token.StartIndex + 1);

    public SourceSpan SpanOf(IToken token) => token.Type == TokenConstants.EOF ? EndOfText() : SpanOf(TokenPlace.Of(token));

    /// <summary>The span of a token that is not the end of the text.</summary>
    public SourceSpan SpanOf(TokenPlace token)
    {
        var (line, column) = Advance(token.Line, token.Column + 1, token.StartIndex, token.StopIndex + 1);
        return new SourceSpan(File, token.Line, token.Column + 1, line, column);
    }

    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public SourceSpan SpanOf(IToken first, IToken last) => SpanOf(first).To(SpanOf(last));

    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public SourceSpan SpanOf(TokenPlace first, IToken last) => SpanOf(first).To(SpanOf(last));

    /// <summary>The characters of a token, as a string (for messages).</summary>
    public string TextOf(TokenPlace token) => Text.Substring(token.StartIndex, token.StopIndex - token.StartIndex + 1);

    /// <summary>The span of characters [from, to) inside <paramref name="token"/> (offsets into its text).</summary>
    public SourceSpan SpanInside(IToken token, int from, int to)
    {
        var (l1, c1) = Advance(token.Line, token.Column + 1, token.StartIndex, token.StartIndex + from);
        var (l2, c2) = Advance(l1, c1, token.StartIndex + from, token.StartIndex + to);
        return new SourceSpan(File, l1, c1, l2, c2);
    }

    /// <summary>An empty span just after the last character (for "end of input" errors).</summary>
    public SourceSpan EndOfText()
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < Text.Length; i++)
            if (Text[i] == '\n') { line++; lineStart = i + 1; }
        var column = Text.Length - lineStart + 1;
        return new SourceSpan(File, line, column, line, column);
    }

    private (int Line, int Column) Advance(int line, int column, int from, int to)
    {
        to = Math.Min(to, Text.Length);
        for (var i = from; i < to; i++)
        {
            if (Text[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return (line, column);
    }
}

/// <summary>
/// Where a token is and what kind it is: what the reader keeps of a token past its use (an open
/// bracket or prefix until its datum ends), as a value rather than a token object.
/// </summary>
internal readonly record struct TokenPlace(int Type, int Line, int Column, int StartIndex, int StopIndex)
{
    public static TokenPlace Of(IToken token) => new(token.Type, token.Line, token.Column, token.StartIndex, token.StopIndex);
}
