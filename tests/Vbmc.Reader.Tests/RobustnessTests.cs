using System.Diagnostics;
using System.Text;
using Vbmc.Diagnostics;
using Vbmc.Reading;

namespace Vbmc.Reader.Tests;

/// <summary>Whatever the bytes, reading ends quickly in data or diagnostics, never an exception.</summary>
public class RobustnessTests
{
    // A guard against hangs (termination), not a speed test: speed is measured by bench/run.sh.
    private static ReadResult ReadQuickly(string text, double seconds = 10)
    {
        var watch = Stopwatch.StartNew();
        var result = SchemeReader.Read(text, "r.scm");
        watch.Elapsed.TotalSeconds.Should().BeLessThan(seconds);
        return result;
    }

    [Fact]
    public void Hundred_thousand_open_parens()
    {
        var result = ReadQuickly(new string('(', 100_000));
        result.Diagnostics.Single().Id.Should().Be(DiagnosticIds.NestingTooDeep);
    }

    [Fact]
    public void Hundred_thousand_balanced_parens()
    {
        var result = ReadQuickly(new string('(', 100_000) + new string(')', 100_000));
        result.Diagnostics.Single().Id.Should().Be(DiagnosticIds.NestingTooDeep);
    }

    [Fact]
    public void Hundred_thousand_close_parens()
    {
        var result = ReadQuickly(new string(')', 100_000));
        result.Diagnostics.Single().Id.Should().Be(DiagnosticIds.UnexpectedCloseParen);
    }

    [Fact]
    public void Hundred_thousand_quotes()
    {
        var result = ReadQuickly(new string('\'', 100_000) + "x");
        result.Diagnostics.Single().Id.Should().Be(DiagnosticIds.NestingTooDeep);
    }

    private const string Special = "()[]#;|\"\\'`,@.:~$+ \nax1e{}!";

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(12345);
        for (var round = 0; round < 300; round++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            // Bias some rounds towards the reader's special characters.
            if (round % 2 == 0)
                for (var i = 0; i < bytes.Length; i++)
                    bytes[i] = (byte)Special[bytes[i] % Special.Length];
            var text = Encoding.Latin1.GetString(bytes);
            var result = SchemeReader.Read(text, "r.scm");
            (result.HasErrors || result.Diagnostics.Count == 0).Should().BeTrue();
            if (result.HasErrors) result.Data.Should().BeEmpty();
        }
    }

    [Fact]
    public void Nul_and_lone_surrogates()
    {
        SchemeReader.Read("(a\0b \ud800 \"\udc00\" #\\\ud800)", "r.scm").Diagnostics.Should().NotBeNull();
        SchemeReader.Read("\0", "r.scm").HasErrors.Should().BeFalse();
    }

    [Fact]
    public void Ten_megabyte_line()
    {
        var result = ReadQuickly(new string('a', 10_000_000));
        result.HasErrors.Should().BeFalse();
        result.Data.Single().Span.EndColumn.Should().Be(10_000_001);
    }

    [Fact]
    public void Five_megabyte_file_of_atoms()
    {
        var sb = new StringBuilder();
        var i = 0;
        while (sb.Length < 5_000_000) sb.Append("atom").Append(i++ % 1000).Append(' ').Append(i).Append(" \"s\"\n");
        var result = ReadQuickly(sb.ToString());
        result.HasErrors.Should().BeFalse();
        result.Data.Length.Should().Be(3 * i);
    }
}
