using Antlr4.Runtime;

namespace Vbmc.Reading;

/// <summary>
/// Gives the lexer one token object to fill again for every token it makes. <see cref="SchemeReader.Read"/>
/// handles each token before it asks for the next, and <see cref="StructureChecker"/> copies the
/// few it keeps (open brackets and prefixes), so the hundreds of thousands of tokens of a large
/// file cost one object instead of as many objects for the garbage collector to clear and
/// reclaim. Only for a lexer read one token at a time: a token stream keeps every token.
/// </summary>
internal sealed class ReusedTokenFactory : ITokenFactory
{
    private CommonToken? _token;

    public IToken Create(Tuple<ITokenSource, ICharStream> source, int type, string text, int channel, int start, int stop,
        int line, int charPositionInLine)
    {
        var token = _token ??= new CommonToken(source, type, channel, start, stop);
        token.Type = type;
        token.Channel = channel;
        token.StartIndex = start;
        token.StopIndex = stop;
        token.Line = line;
        token.Column = charPositionInLine;
        // Null: the text is read from the input when asked for (only for error messages).
        token.Text = text;
        return token;
    }

    public IToken Create(int type, string text) => new CommonToken(type, text);
}
