using Vbmc.Printing;
using Vbmc.Reading;
using Vbmc.Syntax;

namespace Vbmc.Reader.Tests;

/// <summary>
/// The generated ANTLR parser (the grammar) and the reader's iterative builder must agree on
/// every input: same data, same spans.
/// </summary>
public class GrammarConformanceTests
{
    [Fact]
    public void Parse_tree_path_reads_every_case_like_the_reader()
    {
        var acceptance = Directory.GetFiles(Vbmc.TestSupport.RepoPaths.Acceptance, "*.scm").Select(File.ReadAllText);
        var mismatches = new List<string>();
        foreach (var text in DifferentialCases.All().Concat(acceptance))
        {
            var fast = SchemeReader.Read(text, "c.scm");
            var tree = SchemeReader.ReadWithParseTree(text, "c.scm");
            if (Render(fast) != Render(tree)) mismatches.Add($"{text}\n  reader: {Render(fast)}\n  parser: {Render(tree)}");
        }
        mismatches.Should().BeEmpty();
    }

    private static string Render(ReadResult result) =>
        result.HasErrors
            ? "ERROR " + string.Join("; ", result.Diagnostics)
            : string.Join(" | ", result.Data.Select(d => Printer.Write(d.ToDatum()) + " " + Spans(d)));

    /// <summary>Every span in the tree, in order.</summary>
    private static string Spans(SyntaxNode node) => node switch
    {
        SyntaxList l => $"{Show(l)}[{string.Join(",", l.Items.Select(Spans))}{(l.Tail is null ? "" : " . " + Spans(l.Tail))}]",
        SyntaxVector v => $"{Show(v)}#[{string.Join(",", v.Items.Select(Spans))}]",
        _ => Show(node),
    };

    private static string Show(SyntaxNode n) => $"{n.Span.StartLine}:{n.Span.StartColumn}-{n.Span.EndLine}:{n.Span.EndColumn}";
}
