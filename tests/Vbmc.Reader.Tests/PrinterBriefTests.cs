using Vbmc.Data;
using Vbmc.Printing;

namespace Vbmc.Reader.Tests;

/// <summary>Values in messages stay readable: long printed forms show their ends with the length.</summary>
public class PrinterBriefTests
{
    [Fact]
    public void A_short_value_is_written_whole()
    {
        Printer.Brief("four").Should().Be("\"four\"");
    }

    [Fact]
    public void A_long_value_keeps_its_beginning_and_end_and_says_how_long_it_was()
    {
        object list = Nil.Instance;
        for (var i = 999; i >= 0; i--) list = new Pair(new System.Numerics.BigInteger(i), list);
        var whole = Printer.Write(list);
        var brief = Printer.Brief(list);
        brief.Length.Should().BeLessThan(Printer.BriefLength + 40);
        brief.Should().StartWith("(0 1 2 3").And.Contain(" … ").And.Contain("998 999)").And.EndWith($"({whole.Length} characters)");
    }
}
