using System.Numerics;
using Vbmc.Data;
using Vbmc.Printing;
using Vbmc.Reading;
using Vbmc.Syntax;

namespace Vbmc.Reader.Tests;

/// <summary>Ordinary configuration text reads to the expected data (no Guile needed).</summary>
public class ReaderSmokeTests
{
    private static string ReadAndWrite(string text)
    {
        var result = SchemeReader.Read(text, "t.scm");
        result.HasErrors.Should().BeFalse(string.Join("\n", result.Diagnostics));
        return string.Join(" ", result.Data.Select(d => Printer.Write(d.ToDatum())));
    }

    [Theory]
    [InlineData("(a b c)", "(a b c)")]
    [InlineData("(a . b)", "(a . b)")]
    [InlineData("[a (b) #(1 2)]", "(a (b) #(1 2))")]
    [InlineData("'x `(a ,b ,@c)", "(quote x) (quasiquote (a (unquote b) (unquote-splicing c)))")]
    [InlineData("#~(a #$b #$@c #+d #+@e)", "(gexp (a (ungexp b) (ungexp-splicing c) (ungexp-native d) (ungexp-native-splicing e)))")]
    [InlineData("#:foo #t #f #true #false", "#:foo #t #f #t #f")]
    [InlineData("1 -2 1/2 .5 1e3 #x1F #b101", "1 -2 1/2 0.5 1000.0 31 5")]
    [InlineData("; c\n#| a #| nested |# |# x #;(skipped) y", "x y")]
    public void Reads_ordinary_forms(string text, string expected) =>
        ReadAndWrite(text).Should().Be(expected);

    [Fact]
    public void Values_have_runtime_types()
    {
        var data = SchemeReader.Read("(foo 42 \"s\" #\\a)", "f.scm").Data.Single().ToDatum();
        var list = Lists.ToListOrNull(data)!;
        list[0].Should().BeSameAs(Symbol.Intern("foo"));
        list[1].Should().Be(new BigInteger(42));
        list[2].Should().Be("s");
        list[3].Should().Be(new SChar('a'));
    }
}
