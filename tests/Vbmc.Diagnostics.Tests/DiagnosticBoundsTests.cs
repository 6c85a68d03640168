using Vbmc.Diagnostics.Formatting;

namespace Vbmc.Diagnostics.Tests;

/// <summary>Whatever a configuration computes, what vbmc prints about it stays readable and small.</summary>
public class DiagnosticBoundsTests
{
    private static readonly SourceSpan At = new("a.scm", 1, 1, 1, 2);

    [Fact]
    public void A_long_message_is_cut_saying_how_much_was_left_out()
    {
        var bag = new DiagnosticBag();
        bag.Error(DiagnosticIds.UserError, At, new string('a', 30_000), hint: new string('h', 5000));
        var d = bag.Items.Should().ContainSingle().Subject;
        d.Message.Should().Be(new string('a', 1000) + "... (29000 more characters)");
        d.Hint.Should().Be(new string('h', 1000) + "... (4000 more characters)");
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 999) + "😀" + new string('b', 10);
        DiagnosticText.Elide(text).Should().Be(new string('a', 999) + "... (12 more characters)");
    }

    [Fact]
    public void Past_a_thousand_diagnostics_one_closing_diagnostic_counts_the_rest_with_their_worst_severity()
    {
        var bag = new DiagnosticBag();
        for (var i = 0; i < DiagnosticBag.MaxItems; i++) bag.Warning(DiagnosticIds.DeprecatedName, At, $"warning {i}");
        bag.HasErrors.Should().BeFalse();
        bag.Warning(DiagnosticIds.DeprecatedName, At, "one more warning");
        bag.Items.Should().HaveCount(DiagnosticBag.MaxItems + 1);
        bag.Items[^1].Severity.Should().Be(Severity.Warning);
        bag.Error(DiagnosticIds.UserError, new SourceSpan("a.scm", 9, 1, 9, 2), "an error past the limit");
        bag.Items.Should().HaveCount(DiagnosticBag.MaxItems + 1);
        var closing = bag.Items[^1];
        closing.Id.Should().Be(DiagnosticIds.TooManyDiagnostics);
        closing.Severity.Should().Be(Severity.Error, "an error that is not shown still fails the check");
        closing.Message.Should().Be("2 more diagnostics were found and are not shown (vbmc shows the first 1000)");
        closing.Span.Should().Be(At, "the place of the first one left out");
        bag.HasErrors.Should().BeTrue();
    }

    [Fact]
    public void A_long_source_line_is_quoted_as_a_window_with_the_caret_under_the_span()
    {
        var line = new string('x', 500) + "(bad)" + new string('y', 500);
        var formatter = new TextDiagnosticFormatter(SourceText.FromMap(new Dictionary<string, string> { ["a.scm"] = line + "\n" }), color: false);
        var text = formatter.Format([Diagnostic.Error(DiagnosticIds.UserError, new SourceSpan("a.scm", 1, 501, 1, 506), "bad")]);
        var lines = text.Split('\n');
        lines[1].Should().Be("..." + new string('x', 40) + "(bad)" + new string('y', TextDiagnosticFormatter.MaxExcerptLength - 45) + "...");
        lines[2].Should().Be(new string(' ', 43) + "^~~~~");
    }

    [Fact]
    public void A_short_line_and_a_span_near_the_start_of_a_long_line_are_quoted_from_their_start()
    {
        var line = "(bad)" + new string('y', 500);
        var formatter = new TextDiagnosticFormatter(SourceText.FromMap(new Dictionary<string, string> { ["a.scm"] = line + "\n" }), color: false);
        var lines = formatter.Format([Diagnostic.Error(DiagnosticIds.UserError, new SourceSpan("a.scm", 1, 2, 1, 5), "bad")]).Split('\n');
        lines[1].Should().Be(line[..TextDiagnosticFormatter.MaxExcerptLength] + "...");
        lines[2].Should().Be(" ^~~");
    }
}
