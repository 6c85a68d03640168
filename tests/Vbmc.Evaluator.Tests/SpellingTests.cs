using Vbmc.Evaluation.Records;

namespace Vbmc.Evaluator.Tests;

public class SpellingTests
{
    [Theory]
    [InlineData("cpu-cont", "cpu-count")]
    [InlineData("cpu-conut", "cpu-count")]
    [InlineData("memroy-size", "memory-size")]
    [InlineData("dat", "date")]
    [InlineData("h", null)]
    [InlineData("colour", null)]
    public void Suggests_only_close_names(string typo, string? expected) =>
        Spelling.Closest(typo, ["cpu-count", "memory-size", "date", "f", "name"]).Should().Be(expected);

    [Fact]
    public void Transposition_counts_as_one_edit() => Spelling.Distance("cpu-conut", "cpu-count").Should().Be(1);
}
