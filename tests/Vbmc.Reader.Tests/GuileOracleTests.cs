namespace Vbmc.Reader.Tests;

/// <summary>The differential harness itself: Guile's side really reads and prints each case.</summary>
public class GuileOracleTests
{
    [Fact]
    public void Guile_renders_each_case_separately()
    {
        var output = GuileOracle.ReadWithGuile(["(a . b)", "1e21 #~x", "(", "", "|a b| 'x"]);
        output[0].Should().Be("(a . b)");
        output[1].Should().Be("1.0e21\n(gexp x)");
        output[2].Should().StartWith("ERROR read-error");
        output[3].Should().BeEmpty();
        output[4].Should().Be("#{a b}#\n(quote x)");
    }
}
