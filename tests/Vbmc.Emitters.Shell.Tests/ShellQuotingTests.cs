using System.Text;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Shell.Tests;

/// <summary>The quoting every value goes through, proven by the real /bin/sh reading it back.</summary>
public class ShellQuotingTests
{
    private static readonly string[] Hostile =
    [
        "plain",
        "",
        "two words",
        "it's",
        "'",
        "''",
        "\"double\"",
        "$HOME ${HOME} $(id) `id`",
        "100% %s %n",
        "back\\slash\\",
        "comma,separated,,",
        "new\nline\n",
        "tab\there",
        "glob * ? [a]",
        "-dash --option",
        "semi;colon & amp | pipe > out < in",
        "#hash",
        "~tilde",
        "unicode é ✓",
    ];

    [Fact]
    public void Quotes_in_single_quotes_and_escapes_single_quotes()
    {
        ShellQuoting.Quote("Skylake-Client").Should().Be("'Skylake-Client'");
        ShellQuoting.Quote("").Should().Be("''");
        ShellQuoting.Quote("it's").Should().Be("'it'\\''s'");
    }

    [Fact]
    public void A_nul_character_is_refused()
    {
        var act = () => ShellQuoting.Quote("a\0b");
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_shell_reads_every_hostile_value_back_unchanged()
    {
        var script = new StringBuilder("printf '%s\\000'");
        foreach (var value in Hostile) script.Append(' ').Append(ShellQuoting.Quote(value));
        var result = ProcessRunner.Run("/bin/sh", ["-c", script.ToString()]);
        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Split('\0')[..^1].Should().Equal(Hostile);
    }

    [Fact]
    public void Words_concatenate_into_one_argument()
    {
        var word = ShellWord.Code("\"$x\"") + ShellWord.Literal(",a b'c");
        var result = ProcessRunner.Run("/bin/sh", ["-c", "x='1 2'; printf '%s\\000' " + word.Text]);
        result.Stdout.Should().Be("1 2,a b'c\0");
    }

    [Fact]
    public void Comments_cannot_be_ended_by_their_text()
    {
        var text = new ShellScriptWriter().Comment("name\nexit 3").Code("exit 0").ToString();
        text.Should().Be("# name?exit 3\nexit 0\n");
        ProcessRunner.Run("/bin/sh", ["-c", text]).ExitCode.Should().Be(0);
    }
}
