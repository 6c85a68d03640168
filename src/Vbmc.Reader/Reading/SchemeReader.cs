using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Vbmc.Diagnostics;
using Vbmc.Reading.Generated;
using Vbmc.Syntax;

namespace Vbmc.Reading;

/// <summary>The data read from one text, or the diagnostics that stopped the reading.</summary>
public sealed record ReadResult(ImmutableArray<SyntaxNode> Data, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// The reader: text to <see cref="SyntaxNode"/>s with spans, as Guile 3.0 reads it.
/// Pipeline: ANTLR lexer (tokens) -> <see cref="StructureChecker"/> (classifies atoms, rejects
/// every malformed input in reading order, so the first error is Guile's first error, and
/// builds the nodes with an explicit stack). The ANTLR parser grammar describes the same
/// structure; <see cref="ReadWithParseTree"/> reads through it and tests compare the two.
/// </summary>
public static class SchemeReader
{
    /// <summary>Deepest nesting of brackets and prefixes accepted; keeps the recursive parser and
    /// <see cref="SyntaxNode.ToDatum"/> far from the stack's limit.</summary>
    public const int MaxNesting = 1000;

    /// <summary>Reads every datum of <paramref name="text"/>; <paramref name="file"/> is the name put in spans. Never throws.</summary>
    public static ReadResult Read(string text, string file)
    {
        try
        {
            return ReadCore(text ?? "", file ?? "");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in the reader must still end as a diagnostic, never as an exception.
            var span = new SourceSpan(file ?? "", 1, 1, 1, 1);
            return new ReadResult([], [Diagnostic.Error(DiagnosticIds.SyntaxError, span, "internal reader error: " + e.Message)]);
        }
    }

    private static ReadResult ReadCore(string text, string file)
    {
        var lexer = new SchemeLexer(new StringCharStream(text));
        lexer.RemoveErrorListeners();
        // Straight from the lexer, not through a token stream that would keep every token alive
        // until the end: a big file's tokens would then outweigh the data read from it.
        lexer.TokenFactory = new ReusedTokenFactory();
        var checker = new StructureChecker(TokensOf(lexer), new TextPositions(text, file));
        var error = checker.Check();
        return error is null ? new ReadResult(checker.Data, []) : new ReadResult([], [error]);
    }

    /// <summary>The lexer's tokens, up to and including the end-of-file token.</summary>
    private static IEnumerable<IToken> TokensOf(SchemeLexer lexer)
    {
        while (true)
        {
            var token = lexer.NextToken();
            yield return token;
            if (token.Type == TokenConstants.EOF) yield break;
        }
    }

    /// <summary>
    /// The same reading through the generated ANTLR parser and a parse-tree walk. The checker
    /// already builds the data without recursion and about twice as fast, so <see cref="Read"/>
    /// does not use this; tests do, to prove the grammar and the checker agree on every input.
    /// </summary>
    internal static ReadResult ReadWithParseTree(string text, string file)
    {
        var lexer = new SchemeLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        var tokens = new CommonTokenStream(lexer);
        tokens.Fill();

        var positions = new TextPositions(text, file);
        var checker = new StructureChecker(tokens.GetTokens(), positions, new object?[tokens.Size]);
        var error = checker.Check();
        if (error is not null)
            return new ReadResult([], [error]);

        var parser = new SchemeParser(tokens) { BuildParseTree = true };
        parser.RemoveErrorListeners();
        var listener = new FirstErrorListener();
        parser.AddErrorListener(listener);
        // SLL is enough for this grammar and much faster than full LL.
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        var tree = parser.file();
        if (listener.Error is { } offending)
        {
            // The checker should have caught every malformed input first; report rather than crash.
            var span = positions.SpanOf(offending);
            return new ReadResult([], [Diagnostic.Error(DiagnosticIds.SyntaxError, span, "syntax error: " + listener.Message)]);
        }
        var data = new SyntaxBuilder(checker.Values!, positions).Build(tree);
        return new ReadResult(data, []);
    }

    private sealed class FirstErrorListener : IAntlrErrorListener<IToken>
    {
        public IToken? Error { get; private set; }
        public string Message { get; private set; } = "";

        public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line,
            int charPositionInLine, string msg, RecognitionException e)
        {
            if (Error is not null) return;
            Error = offendingSymbol;
            Message = msg;
        }
    }
}
