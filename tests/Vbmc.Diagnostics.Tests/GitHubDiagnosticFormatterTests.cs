using Vbmc.Diagnostics.Formatting;

namespace Vbmc.Diagnostics.Tests;

public class GitHubDiagnosticFormatterTests
{
    [Fact]
    public void One_workflow_command_per_diagnostic_with_position_and_title()
    {
        var lines = GitHubDiagnosticFormatter.Format(Samples.All).Split('\n');

        lines.Should().Equal(
            "::error file=config.scm,line=1,endLine=3,title=VBM3001 (missing-field-initializers)::missing field initializers (user host-key)%0Astdlib/offload.scm:4:1: note: record type defined here",
            "::warning file=config.scm,line=2,col=8,endColumn=17,title=VBM3008 (deprecated-field)::The 'system' field is deprecated, please use 'systems' instead.",
            "::error file=config.scm,line=3,col=2,endColumn=10,title=VBM3002 (extraneous-field-initializers)::extraneous field initializers (prot)%0Ahint: did you mean 'port'?",
            "::error file=nope.scm,title=VBM9002 (io-error)::cannot open file: No such file or directory",
            "");
    }

    [Fact]
    public void Notes_are_notices()
    {
        var note = Diagnostic.Note(DiagnosticIds.CpuModelFallback, new SourceSpan("a.scm", 1, 1, 1, 1), "generic model");
        GitHubDiagnosticFormatter.Format([note]).Should().StartWith("::notice file=a.scm,line=1,col=1,title=");
    }

    [Fact]
    public void Hostile_file_names_and_messages_stay_one_command_and_decode_to_what_they_were()
    {
        const string file = "dir,with:colons::and\nnewline\r%0A 50%.scm";
        const string message = "value \"%0A\" is literal text, 100% sure\nsecond line::error::injected";
        const string hint = "use a, b: or c\r\n%2C";
        var d = new Diagnostic(DiagnosticIds.FieldTypeMismatch, Severity.Error, new SourceSpan(file, 2, 3, 2, 9), message, hint,
            [new RelatedLocation(new SourceSpan("other,file:x.scm", 7, 1, 7, 4), "defined: here, 5%")]);

        var output = GitHubDiagnosticFormatter.Format([d]);

        output.Should().EndWith("\n");
        output.TrimEnd('\n').Should().NotContain("\n").And.NotContain("\r");
        output.Should().Contain("file=dir%2Cwith%3Acolons%3A%3Aand%0Anewline%0D%250A 50%25.scm,")
            .And.Contain("::value \"%250A\" is literal text, 100%25 sure%0Asecond line::error::injected%0Ahint: ");

        var command = RunnerDecoding.Parse(output.TrimEnd('\n'));
        command.Name.Should().Be("error");
        command.Properties.Should().Equal(new Dictionary<string, string>
        {
            ["file"] = file,
            ["line"] = "2",
            ["col"] = "3",
            ["endColumn"] = "8",
            ["title"] = "VBM3005 (field-type-mismatch)",
        });
        command.Data.Should().Be(message + "\nhint: " + hint + "\nother,file:x.scm:7:1: note: defined: here, 5%");
    }

    [Theory]
    [InlineData("a=b=c.scm")]
    [InlineData(" spaced name .scm")]
    [InlineData("dir/=x.scm")]
    public void Odd_file_names_reach_the_runner_whole(string file)
    {
        var d = Diagnostic.Error(DiagnosticIds.BadDot, new SourceSpan(file, 1, 1, 1, 2), "m");
        RunnerDecoding.Parse(GitHubDiagnosticFormatter.Format([d]).TrimEnd('\n')).Properties["file"].Should().Be(file);
    }

    [Fact]
    public void A_file_name_starting_with_equals_is_written_absolute_which_the_runner_makes_relative()
    {
        // The runner would drop a leading '=' of a property value; an absolute path under the
        // workspace is what the runner itself turns back into the relative one.
        var d = Diagnostic.Error(DiagnosticIds.BadDot, new SourceSpan("=x.scm", 1, 1, 1, 2), "m");
        RunnerDecoding.Parse(GitHubDiagnosticFormatter.Format([d]).TrimEnd('\n')).Properties["file"]
            .Should().Be(Path.GetFullPath("=x.scm"));
    }

    [Fact]
    public void A_lone_surrogate_is_replaced_so_the_line_is_valid_utf8()
    {
        var d = Diagnostic.Error(DiagnosticIds.BadCharacter, new SourceSpan("a.scm", 1, 1, 1, 2), "bad \ud800 char");
        GitHubDiagnosticFormatter.Format([d]).Should().Contain("bad \uFFFD char");
    }

    [Fact]
    public void Deterministic()
    {
        GitHubDiagnosticFormatter.Format(Samples.All.Reverse()).Should().Be(GitHubDiagnosticFormatter.Format(Samples.All));
    }

    /// <summary>
    /// How the GitHub Actions runner reads a workflow command line (the `::name props::data` form
    /// of its ActionCommand.TryParseV2, written here from its documented behaviour): properties are
    /// split at commas and at the first '=', then each escape is replaced in turn, %25 last.
    /// </summary>
    private static class RunnerDecoding
    {
        public sealed record Command(string Name, Dictionary<string, string> Properties, string Data);

        public static Command Parse(string line)
        {
            line.Should().StartWith("::");
            var end = line.IndexOf("::", 2, StringComparison.Ordinal);
            var info = line[2..end];
            var space = info.IndexOf(' ');
            var name = space < 0 ? info : info[..space];
            var properties = new Dictionary<string, string>();
            if (space > 0)
            {
                foreach (var pair in info[(space + 1)..].Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var parts = pair.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length == 2) properties[parts[0]] = Unescape(parts[1], property: true);
                }
            }
            return new Command(name, properties, Unescape(line[(end + 2)..], property: false));
        }

        private static string Unescape(string s, bool property)
        {
            s = s.Replace("%0D", "\r").Replace("%0A", "\n");
            if (property) s = s.Replace("%3A", ":").Replace("%2C", ",");
            return s.Replace("%25", "%");
        }
    }
}
