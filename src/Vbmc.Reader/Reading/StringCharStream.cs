using Antlr4.Runtime;
using Antlr4.Runtime.Misc;

namespace Vbmc.Reading;

/// <summary>
/// The lexer's input read straight from the text, as <see cref="AntlrInputStream"/> reads its
/// copy: one UTF-16 code unit per symbol, <see cref="IntStreamConstants.EOF"/> past the end.
/// AntlrInputStream copies the whole text into a char array first; for a 20 MB file that is a
/// 40 MB array on the large-object heap, whose allocation counts towards the next full (gen2)
/// collection, which then walks everything read so far.
/// </summary>
internal sealed class StringCharStream(string text) : ICharStream
{
    private int _position;

    public int Index => _position;

    public int Size => text.Length;

    public string SourceName => IntStreamConstants.UnknownSourceName;

    public void Consume()
    {
        if (_position >= text.Length) throw new InvalidOperationException("cannot consume EOF");
        _position++;
    }

    /// <summary>The symbol <paramref name="i"/> places ahead (1: the current one; -1: the one before); 0 for i = 0, as ANTLR's streams answer.</summary>
    public int LA(int i)
    {
        if (i == 0) return 0;
        var at = i > 0 ? _position + i - 1 : _position + i;
        return at < 0 || at >= text.Length ? IntStreamConstants.EOF : text[at];
    }

    // The whole text is always there: no marked ranges to keep.
    public int Mark() => -1;

    public void Release(int marker)
    {
    }

    public void Seek(int index) => _position = Math.Clamp(index, 0, text.Length);

    public string GetText(Interval interval)
    {
        var start = interval.a;
        var stop = Math.Min(interval.b, text.Length - 1);
        return start < 0 || start >= text.Length || stop < start ? "" : text.Substring(start, stop - start + 1);
    }
}
