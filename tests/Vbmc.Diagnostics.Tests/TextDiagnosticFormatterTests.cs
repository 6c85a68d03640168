using Vbmc.Diagnostics.Formatting;

namespace Vbmc.Diagnostics.Tests;

public class TextDiagnosticFormatterTests
{
    private static TextDiagnosticFormatter Formatter(bool color = false) =>
        new(SourceText.FromMap(new Dictionary<string, string> { [Samples.File] = Samples.Text }), color);

    [Fact]
    public void Gnu_header_source_line_caret_and_hint()
    {
        var text = Formatter().Format([Samples.Extraneous]);

        text.Should().Be(
            "config.scm:3:2: error: extraneous field initializers (prot) [VBM3002]\n" +
            "\t(prot 22)))\n" +
            "\t^~~~~~~~~\n" +
            "  hint: did you mean 'port'?\n");
    }

    [Fact]
    public void A_span_over_several_lines_is_underlined_to_the_end_of_its_first_line()
    {
        var text = Formatter().Format([Samples.Missing]);

        text.Should().StartWith(
            "config.scm:1:7: error: missing field initializers (user host-key) [VBM3001]\n" +
            "(list (build-machine\n" +
            "      ^~~~~~~~~~~~~~\n");
    }

    [Fact]
    public void Related_locations_are_notes_without_source_when_the_file_is_unknown()
    {
        var text = Formatter().Format([Samples.Missing]);

        text.Should().EndWith("stdlib/offload.scm:4:1: note: record type defined here\n");
    }

    [Fact]
    public void A_diagnostic_without_position_names_only_the_file()
    {
        Formatter().Format([Samples.MissingFile])
            .Should().Be("nope.scm: error: cannot open file: No such file or directory [VBM9002]\n");
    }

    [Fact]
    public void Warnings_and_notes_use_their_own_words()
    {
        Formatter().Format([Samples.Deprecated]).Should().StartWith("config.scm:2:8: warning: The 'system' field");
        Formatter().Format([Samples.Deprecated with { Severity = Severity.Note }]).Should().StartWith("config.scm:2:8: note: ");
    }

    [Fact]
    public void Output_is_sorted_by_file_line_and_column_whatever_the_input_order()
    {
        var lines = Formatter().Format(Samples.All).Split('\n')
            .Where(l => l.Contains(": error:") || l.Contains(": warning:")).ToList();

        lines.Select(l => l[..l.IndexOf(' ')]).Should().Equal(
            "config.scm:1:7:", "config.scm:2:8:", "config.scm:3:2:", "nope.scm:");
        Formatter().Format(Samples.All.Reverse()).Should().Be(Formatter().Format(Samples.All));
    }

    [Fact]
    public void Color_only_when_asked()
    {
        Formatter().Format(Samples.All).Should().NotContain("\e[");
        var colored = Formatter(color: true).Format([Samples.Extraneous]);
        colored.Should().Contain("\e[1;31merror:\e[0m");
    }

    [Fact]
    public void Messages_with_newlines_stay_on_one_line_and_control_characters_do_not_reach_the_terminal()
    {
        var d = Samples.Extraneous with { Message = "two\nlines", Hint = null, Span = new SourceSpan("x.scm", 1, 3, 1, 4) };
        var text = new TextDiagnosticFormatter(SourceText.FromMap(new Dictionary<string, string> { ["x.scm"] = "a\u001bbc" }))
            .Format([d]);

        text.Should().Be("x.scm:1:3: error: two lines [VBM3002]\na?bc\n  ^\n");
    }

    [Fact]
    public void Positions_past_the_end_of_the_line_or_file_do_not_fail()
    {
        var f = new TextDiagnosticFormatter(SourceText.FromMap(new Dictionary<string, string> { ["x.scm"] = "(a" }));

        f.Format([Samples.Extraneous with { Span = new SourceSpan("x.scm", 1, 9, 1, 12) }]).Should().Contain("(a\n  ^\n");
        f.Format([Samples.Extraneous with { Span = new SourceSpan("x.scm", 7, 1, 7, 2) }])
            .Should().StartWith("x.scm:7:1: error:").And.NotContain("^");
    }

    [Fact]
    public void Reads_sources_from_disk_and_tolerates_missing_files()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vbmc-text-{Guid.NewGuid():N}.scm");
        File.WriteAllText(path, "(foo bar)\r\n(baz)\r\n");
        try
        {
            var f = new TextDiagnosticFormatter(SourceText.FromFiles());
            f.Format([Samples.Deprecated with { Span = new SourceSpan(path, 2, 2, 2, 5) }])
                .Should().EndWith("\n(baz)\n ^~~\n");
            f.Format([Samples.Deprecated with { Span = new SourceSpan(path + ".missing", 1, 1, 1, 2) }])
                .Split('\n').Should().HaveCount(2);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Summary_counts_errors_and_warnings()
    {
        DiagnosticSummary.Describe(Samples.All).Should().Be("3 errors, 1 warning");
        DiagnosticSummary.Describe([Samples.Extraneous]).Should().Be("1 error");
        DiagnosticSummary.Describe([]).Should().Be("no errors");
    }
}
