using System.Numerics;
using Vbmc.Data;
using Vbmc.Printing;

namespace Vbmc.Reader.Tests;

/// <summary>Printer cases that do not come from reading (runtime values); the rest is differential.</summary>
public class PrinterTests
{
    [Theory]
    [InlineData(1000.0, "1000.0")]
    [InlineData(1e21, "1.0e21")]
    [InlineData(1e-4, "1.0e-4")]
    [InlineData(0.5, "0.5")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.PositiveInfinity, "+inf.0")]
    [InlineData(double.NaN, "+nan.0")]
    [InlineData(1.2345678901234568e20, "1.2345678901234568e20")]
    [InlineData(12345678901234567000.0, "12345678901234567000.0")]
    public void Doubles_print_as_guile(double value, string expected) => Printer.Write(value).Should().Be(expected);

    [Fact]
    public void Strings_chars_and_symbols()
    {
        Printer.Write("\u0001\tλ").Should().Be("\"\\x01\\tλ\"");
        Printer.Display("a\"b").Should().Be("a\"b");
        Printer.Write(new SChar(1)).Should().Be("#\\soh");
        Printer.Write(new SChar(0x7f)).Should().Be("#\\delete");
        Printer.Write(Symbol.Intern("1")).Should().Be("#{1}#");
        Printer.Write(Symbol.Intern("a b")).Should().Be("#{a b}#");
        Printer.Display(Symbol.Intern("a b")).Should().Be("#{a b}#");
        Printer.Write(Keyword.Intern("k")).Should().Be("#:k");
        Printer.Write(Rational.Make(-3, 4)).Should().Be("-3/4");
        Printer.Write(BigInteger.Pow(10, 30)).Should().Be("1" + new string('0', 30));
    }

    [Fact]
    public void Long_lists_do_not_recurse()
    {
        object list = Nil.Instance;
        for (var i = 0; i < 1_000_000; i++) list = new Pair(BigInteger.One, list);
        Printer.Write(list).Length.Should().Be(2 * 1_000_000 + 1);
    }

    [Fact]
    public void Deep_nesting_is_cut_with_an_ellipsis()
    {
        object nested = Nil.Instance;
        for (var i = 0; i < 200_000; i++) nested = new Pair(nested, Nil.Instance);
        Printer.Write(nested).Should().Contain("...");
    }
}
