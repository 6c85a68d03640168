namespace Vbmc.GuixDifferential.Tests;

/// <summary>The harness's own reading of header lines, of Guix's output and of vbmc's verdicts (no reference root needed).</summary>
public sealed class ParsingTests
{
    [Fact]
    public void Header_lines_give_kind_load_path_and_expectations()
    {
        var e = CorpusEntry.Parse("multi/x.scm", """
            ;; guix-differential: kind machines
            ;; guix-differential: load-path support/../support/modules
            ;; guix-differential: vbmc-stricter 12 host-key OpenSSH -- the key is a fingerprint -- really
            (list)
            """);
        e.Name.Should().Be("tests/corpus/multi/x.scm");
        e.Kind.Should().Be(GuixKind.Machines);
        e.InsideLoadPath.Should().Equal(CorpusEntry.InsideCorpus + "/multi/support/modules");
        e.Stricter.Should().Be(e.Stricter! with { Line = 12 });
        e.Stricter!.Words.Should().Equal("host-key", "OpenSSH");
        e.Stricter.Reason.Should().Be("the key is a fingerprint -- really");
        e.GuixRejects.Should().BeFalse();
    }

    [Theory]
    [InlineData(";; guix-differential: kind nonsense\n")]
    [InlineData(";; guix-differential: vbmc-stricter host-key -- no line\n")]
    [InlineData(";; guix-differential: unknown-keyword\n")]
    [InlineData(";; guix-differential: guix-rejects\n;; guix-differential: vbmc-stricter 3 x -- y\n")]
    public void Malformed_header_lines_are_refused(string text)
    {
        var parse = () => CorpusEntry.Parse("x.scm", text);
        parse.Should().Throw<FormatException>();
    }

    private static string? Display(string path) => GuixRunner.DisplayName(path);

    [Fact]
    public void Guix_error_with_location_prefix()
    {
        var v = GuixVerdict.Parse("reject", "none",
            "/var/tmp/vbmc-differential/corpus/m/typo.scm:18:27: error: (openssh-configuration (port 2222)): extraneous field initializers (port)\n", 3, Display);
        v.Location.Should().Be(new GuixLocation("tests/corpus/m/typo.scm", 18, 27));
        v.Message.Should().Be("(openssh-configuration (port 2222)): extraneous field initializers (port)");
    }

    [Fact]
    public void Guix_error_with_location_in_its_message_and_warnings_before_it()
    {
        var v = GuixVerdict.Parse("reject", "none",
            "/var/tmp/vbmc-differential/corpus/a.scm:3:1: warning: 'x' is deprecated\n" +
            "guix system: error: /var/tmp/vbmc-differential/corpus/a.scm:34:18: no value specified for service of type 'beacon'\n", 3, Display);
        v.Location.Should().Be(new GuixLocation("tests/corpus/a.scm", 34, 18));
        v.Message.Should().Be("no value specified for service of type 'beacon'");
    }

    [Fact]
    public void Guix_error_in_procedure_block_takes_the_location_of_the_configuration_not_guiles()
    {
        var v = GuixVerdict.Parse("reject", "none",
            "guix system: error: failed to load '/var/tmp/vbmc-differential/corpus/d.scm':\n" +
            "    srfi/srfi-19.scm:170:6: In procedure priv:string->date:\n" +
            "    In procedure string->date: TIME-ERROR type bad-date-format-string: \"~Y-~m-~d\"\n", 3, Display);
        v.Location.Should().BeNull("srfi-19.scm is Guile's, and the failed file is named without a position");
        v.Message.Should().StartWith("failed to load 'tests/corpus/d.scm':");

        var w = GuixVerdict.Parse("reject", "none",
            "/var/tmp/vbmc-differential/corpus/f.scm:9:3: In procedure farm-node:\nerror: build-machine: unbound variable\nhint: Did you forget?\n", 3, Display);
        w.Location.Should().Be(new GuixLocation("tests/corpus/f.scm", 9, 3));
        w.Message.Should().Be("build-machine: unbound variable");
    }

    [Fact]
    public void Guix_read_errors_and_ignored_machines_files()
    {
        var v = GuixVerdict.Parse("reject", "none", "/var/tmp/vbmc-differential/corpus/u.scm:17:1: missing closing parenthesis\n", 3, Display);
        v.Location.Should().Be(new GuixLocation("tests/corpus/u.scm", 17, 1));
        v.Message.Should().Be("missing closing parenthesis");

        var m = GuixVerdict.Parse("reject", "none",
            "guix offload: warning: '/var/tmp/vbmc-differential/corpus/m.scm' did not return a list of build machines; ignoring it\n", 3, Display);
        m.Location.Should().BeNull();
        m.Message.Should().Contain("did not return a list of build machines");

        var t = GuixVerdict.Parse("reject", "none", "/usr/share/guile/site/3.0/gnu/system/examples/x.tmpl:5:2: error: oops\n", 3, Display);
        t.Location.Should().Be(new GuixLocation("guix-templates/x.tmpl", 5, 2));
    }

    [Fact]
    public void Datum_extent_skips_strings_characters_and_comments()
    {
        const string text = "(a\n \"(\" #\\( ; )\n #| ) |#\n (b))\n(c)\n";
        SourceExtent.Datum(text, 1, 0).Should().Be((1, 4));
        SourceExtent.Datum(text, 4, 1).Should().Be((4, 4));
        SourceExtent.Datum(text, 5, 0).Should().Be((5, 5));
        SourceExtent.Datum(text, 9, 0).Should().BeNull();
    }

    private static CorpusEntry Entry(string text = "(x)\n") => CorpusEntry.Parse("r.scm", text);

    private static VbmcVerdict Vbmc(params (int Line, string Message)[] errors) =>
        new(errors.Select(e => new VbmcDiagnostic("VBM0000", "error", "tests/corpus/r.scm", e.Line, 1, e.Line, 2, e.Message, null, [])).ToList());

    private static GuixVerdict Guix(string verdict, int? line = null) =>
        new(verdict, "operating-system", "", 1)
        {
            Message = verdict == "accept" ? null : "boom",
            Location = line is { } l ? new GuixLocation("tests/corpus/r.scm", l, 0) : null,
        };

    [Fact]
    public void Agreement_rules()
    {
        Differential.Compare(Entry(), Guix("accept"), Vbmc()).Outcome.Should().Be(Outcome.Agree);
        Differential.Compare(Entry(), Guix("accept"), Vbmc((1, "x"))).Outcome.Should().Be(Outcome.FalseError);
        Differential.Compare(Entry(), Guix("reject", 3), Vbmc()).Outcome.Should().Be(Outcome.MissedError);
        Differential.Compare(Entry(), Guix("reject"), Vbmc((7, "x"))).Outcome.Should().Be(Outcome.Agree, "Guix gave no location");
        Differential.Compare(Entry(), Guix("reject", 7), Vbmc((7, "x"))).Outcome.Should().Be(Outcome.Agree);
        Differential.Compare(Entry(), Guix("reject", 7), Vbmc((8, "x"))).Outcome.Should().Be(Outcome.Location,
            "r.scm is not on disk, so no form of Guix's can contain vbmc's error");
        Differential.Compare(Entry(), Guix("timeout"), Vbmc()).Outcome.Should().Be(Outcome.GuixFailed);

        var stricter = Entry(";; guix-differential: vbmc-stricter 4 host-key -- not a key\n");
        Differential.Compare(stricter, Guix("accept"), Vbmc((4, "field 'host-key' expects a key"))).Outcome.Should().Be(Outcome.Agree);
        Differential.Compare(stricter, Guix("accept"), Vbmc((5, "field 'host-key' expects a key"))).Outcome.Should().Be(Outcome.FalseError);
        Differential.Compare(stricter, Guix("accept"), Vbmc((4, "unbound variable"))).Outcome.Should().Be(Outcome.FalseError);
        Differential.Compare(stricter, Guix("accept"), Vbmc()).Outcome.Should().Be(Outcome.MissedStricter);
        Differential.Compare(stricter, Guix("reject", 4), Vbmc((4, "host-key"))).Outcome.Should().Be(Outcome.StricterButGuixRejects);
    }
}
