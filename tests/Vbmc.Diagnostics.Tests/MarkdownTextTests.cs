using System.Net;
using Vbmc.Diagnostics.Formatting;
using Vbmc.TestSupport;

namespace Vbmc.Diagnostics.Tests;

/// <summary>
/// Escaped text rendered by cmark-gfm (GitHub's CommonMark, Debian package cmark-gfm, with
/// GitHub's table and strikethrough extensions) shows exactly the original text.
/// </summary>
public class MarkdownTextTests
{
    [Theory]
    [InlineData("plain words")]
    [InlineData("*not emphasis* and _not_ __either__ ~~nor struck~~")]
    [InlineData("# not a heading")]
    [InlineData("- not a list\n+ nor this\n1. nor this\n2) nor this")]
    [InlineData("> not a quote")]
    [InlineData("    four spaces are not code\n\tnor a tab")]
    [InlineData("[not a link](x) ![nor an image](y) <b>not html</b> <!-- nor a comment -->")]
    [InlineData("`not code` and ``neither`` \\ a backslash \\* \\\\")]
    [InlineData("| not | a table |\n| --- | --- |\n| a | b |")]
    [InlineData("line one\nline two\r\nline three\rline four")]
    [InlineData("first\n\nafter an empty line")]
    [InlineData("ends with spaces  \n  and starts with them")]
    [InlineData("setext underline next\n===\nand\n---")]
    [InlineData("&amp; &#32; entities stay text; 100% \"quotes\" 'too' {braces} $dollar @at ^caret =eq ?q")]
    [InlineData("did you mean 'Haswell'? (cpu \"Haswel\")")]
    public void Rendered_markdown_shows_the_text(string text)
    {
        Render(MarkdownText.Escape(text)).Should().Be(Expected(text));
    }

    [Fact]
    public void The_renderer_really_renders_markdown()
    {
        // Guards the theory above against a renderer that would print its input as it is.
        Render("*a* [b](c)\n# d").Should().Be("<p><em>a</em> <a href=\"c\">b</a></p>\n<h1>d</h1>\n");
        Render("*a*").Should().NotBe(Expected("*a*"));
    }

    private static string Expected(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(line => WebUtility.HtmlEncode(line).Replace("&#39;", "'"));
        return "<p>" + string.Join("<br />\n", lines) + "</p>\n";
    }

    private static string Render(string markdown)
    {
        var cmark = HostTools.Require("cmark-gfm", "cmark-gfm");
        var input = Path.Combine(Path.GetTempPath(), $"vbmc-markdown-{Guid.NewGuid():N}.md");
        File.WriteAllText(input, markdown);
        try
        {
            var result = ProcessRunner.Run(cmark, ["--extension", "table", "--extension", "strikethrough", input]);
            result.ExitCode.Should().Be(0, result.Stderr);
            return result.Stdout;
        }
        finally
        {
            File.Delete(input);
        }
    }
}
