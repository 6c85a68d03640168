namespace Vbmc.Host.Probe.Tests;

/// <summary>Names and answers come from machine files and remote machines: the text report shows their control characters, never sends them to the terminal.</summary>
public sealed class ReportEscapingTests
{
    [Fact]
    public void Control_characters_in_names_and_details_are_written_visibly()
    {
        var target = new ProbeTarget
        {
            Host = "evil\u001b[2K\rPASS  fake",
            Port = 22,
            User = "u\u009b31m\u202e",
            PrivateKeyFile = "/k",
        };
        var report = new ProbeReport("machines\n.scm", [new MachineReport(target, [CheckResult.Fail(CheckIds.Reachable, "banner SSH-2.0-x\u001b]0;title\u0007")])]);

        var text = ReportWriter.Text(report);

        text.Should().NotContainAny("\u001b", "\r", "\u0007", "\u009b", "\u202e");
        text.Should().Contain("evil\\x1b[2K\\x0dPASS  fake").And.Contain("u\\u009b31m\\u202e").And.Contain("SSH-2.0-x\\x1b]0;title\\x07")
            .And.Contain("machines\\x0a.scm");
        text.Split('\n').Count(l => l.TrimStart().StartsWith("fail", StringComparison.Ordinal)).Should().Be(1, "one check, one line");
        ReportWriter.Printable("plain ASCII and é ü").Should().Be("plain ASCII and é ü");
    }
}
