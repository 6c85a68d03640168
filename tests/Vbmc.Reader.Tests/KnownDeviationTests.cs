using Vbmc.Diagnostics;
using Vbmc.Reading;

namespace Vbmc.Reader.Tests;

/// <summary>
/// The few inputs Guile accepts and vbmc deliberately rejects, each with a clear diagnostic:
/// values vbmc's language does not have.
/// </summary>
public class KnownDeviationTests
{
    [Theory]
    // Emacs Lisp's nil: no such value in configurations.
    [InlineData("#nil", DiagnosticIds.BadHashSyntax)]
    // Guile reads this as (gexp #<eof>) only because Guix's extension calls `read` at end of input.
    [InlineData("#~", DiagnosticIds.SyntaxError)]
    // Complex numbers.
    [InlineData("1+2i", DiagnosticIds.BadNumber)]
    [InlineData("+i", DiagnosticIds.BadNumber)]
    [InlineData("1@2", DiagnosticIds.BadNumber)]
    public void Rejected_with_a_diagnostic(string text, string id)
    {
        var result = SchemeReader.Read(text, "d.scm");
        result.HasErrors.Should().BeTrue();
        result.Diagnostics.Single().Id.Should().Be(id);
        result.Diagnostics.Single().Span.StartLine.Should().Be(1);
    }
}
