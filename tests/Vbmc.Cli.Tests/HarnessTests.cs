using Vbmc.TestSupport;

namespace Vbmc.Cli.Tests;

/// <summary>The acceptance harness itself must judge correctly, or the acceptance tests mean nothing.</summary>
public class HarnessTests
{
    private const string Header = """
        ;; expect: error 7:17 extraneous field initializers (cpu-cont)
        ;; expect: error 7:17 cpu-count
        ;; expect: warning 16:8 deprecated
        ;; expect-qemu: build-vm -rtc base=2020-01-01T00:00:00,clock=vm
        (list)
        """;

    private static readonly AcceptanceFile File = AcceptanceFile.Parse("t.scm", Header);

    [Fact]
    public void Parses_every_kind_of_header_line()
    {
        File.ExpectOk.Should().BeFalse();
        File.Errors.Should().HaveCount(2);
        File.Errors[0].Words.Should().Equal("extraneous", "field", "initializers", "(cpu-cont)");
        File.Warnings.Single().ToString().Should().Be("16:8 deprecated");
        File.Qemu.Single().VmName.Should().Be("build-vm");
        File.Qemu.Single().Arguments.Should().Equal("-rtc", "base=2020-01-01T00:00:00,clock=vm");
        AcceptanceFile.Parse("ok.scm", ";; expect: ok\n").ExpectOk.Should().BeTrue();
        FluentActions.Invoking(() => AcceptanceFile.Parse("x.scm", ";; expect: error seven\n")).Should().Throw<FormatException>();
    }

    private static ReportedDiagnostic Error(int line, int col, string message, string? hint = null) =>
        new("VBM3002", "error", line, col, message, hint);

    private static readonly ReportedDiagnostic Deprecated = new("VBM3008", "warning", 16, 8, "The 'system' field is deprecated", null);

    [Fact]
    public void Accepts_the_listed_errors_with_words_from_message_and_hint()
    {
        AcceptanceVerdict.Problems(File, [Error(7, 17, "extraneous field initializers (cpu-cont)", "did you mean 'cpu-count'?"), Deprecated])
            .Should().BeEmpty();
    }

    [Fact]
    public void Rejects_a_missing_error_an_extra_error_a_wrong_position_and_a_missing_warning()
    {
        AcceptanceVerdict.Problems(File, [Error(7, 17, "extraneous field initializers (cpu-cont)"), Deprecated])
            .Should().ContainSingle().Which.Should().Contain("7:17 cpu-count");
        AcceptanceVerdict.Problems(File, [Error(7, 17, "extraneous field initializers (cpu-cont) cpu-count"), Error(9, 1, "other"), Deprecated])
            .Should().ContainSingle().Which.Should().Contain("unexpected");
        AcceptanceVerdict.Problems(File, [Error(7, 18, "extraneous field initializers (cpu-cont) cpu-count"), Deprecated])
            .Should().HaveCount(3);
        AcceptanceVerdict.Problems(File, [Error(7, 17, "extraneous field initializers (cpu-cont) cpu-count")])
            .Should().ContainSingle().Which.Should().Contain("warning 16:8");
    }

    [Fact]
    public void An_ok_file_rejects_any_error_but_allows_warnings()
    {
        var ok = AcceptanceFile.Parse("ok.scm", ";; expect: ok\n");
        AcceptanceVerdict.Problems(ok, [Deprecated]).Should().BeEmpty();
        AcceptanceVerdict.Problems(ok, [Error(1, 1, "boom")]).Should().ContainSingle();
    }

    [Fact]
    public void Launch_script_words_join_continuations_and_drop_quotes()
    {
        var words = LaunchScriptWords.Of("#!/bin/sh\nexec qemu-system-x86_64 \\\n  -cpu 'Skylake-Client' \\\n  -rtc \"base=2020-01-01T00:00:00,clock=vm\" -m 2048\n");
        LaunchScriptWords.ContainsAdjacent(words, ["-cpu", "Skylake-Client"]).Should().BeTrue();
        LaunchScriptWords.ContainsAdjacent(words, ["-rtc", "base=2020-01-01T00:00:00,clock=vm"]).Should().BeTrue();
        LaunchScriptWords.ContainsAdjacent(words, ["-cpu", "-m"]).Should().BeFalse();
    }

    [Fact]
    public void Mutations_are_deterministic_and_varied()
    {
        var text = "(list (build-machine (name \"a\") (port 22)))";
        Mutator.Mutate(text, 7).Should().Be(Mutator.Mutate(text, 7));
        Enumerable.Range(0, 200).Select(i => Mutator.Mutate(text, i)).Distinct().Count().Should().BeGreaterThan(100);
    }
}
