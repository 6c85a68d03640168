using System.Text.RegularExpressions;

namespace Vbmc.TestSupport;

/// <summary>
/// The expectations written in an acceptance file's header lines (format: tests/acceptance/README.md):
/// <c>;; expect: ok</c>, <c>;; expect: error L:C words</c>, <c>;; expect: warning L:C words</c>,
/// <c>;; expect-qemu: VM-NAME ARG...</c>.
/// </summary>
public sealed partial record AcceptanceFile(
    string Path,
    bool ExpectOk,
    IReadOnlyList<ExpectedDiagnostic> Errors,
    IReadOnlyList<ExpectedDiagnostic> Warnings,
    IReadOnlyList<ExpectedQemuArguments> Qemu)
{
    public string Name => System.IO.Path.GetFileName(Path);

    public static AcceptanceFile Load(string path) => Parse(path, File.ReadAllText(path));

    public static AcceptanceFile Parse(string path, string text)
    {
        var ok = false;
        var errors = new List<ExpectedDiagnostic>();
        var warnings = new List<ExpectedDiagnostic>();
        var qemu = new List<ExpectedQemuArguments>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.StartsWith(";; expect-qemu:", StringComparison.Ordinal))
            {
                var words = Words(line[";; expect-qemu:".Length..]);
                if (words.Length < 2) throw Malformed(path, lineNumber, line);
                qemu.Add(new ExpectedQemuArguments(words[0], words[1..], lineNumber));
            }
            else if (line.StartsWith(";; expect:", StringComparison.Ordinal))
            {
                var rest = line[";; expect:".Length..].Trim();
                if (rest == "ok")
                {
                    ok = true;
                    continue;
                }
                var m = ExpectRegex().Match(rest);
                if (!m.Success) throw Malformed(path, lineNumber, line);
                var expected = new ExpectedDiagnostic(int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value),
                    Words(m.Groups["words"].Value), lineNumber);
                (m.Groups["kind"].Value == "error" ? errors : warnings).Add(expected);
            }
        }
        if (ok && errors.Count > 0) throw new FormatException($"{path}: says both 'ok' and 'error'");
        return new AcceptanceFile(path, ok, errors, warnings, qemu);
    }

    private static string[] Words(string s) => s.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static FormatException Malformed(string path, int line, string text) =>
        new($"{path}:{line}: malformed expectation line: {text}");

    [GeneratedRegex(@"^(?<kind>error|warning)\s+(?<line>\d+):(?<col>\d+)\s*(?<words>.*)$")]
    private static partial Regex ExpectRegex();
}

/// <summary>A diagnostic expected at a 1-based position whose message and hint contain every word.</summary>
public sealed record ExpectedDiagnostic(int Line, int Column, IReadOnlyList<string> Words, int HeaderLine)
{
    public bool Matches(int line, int column, string text) =>
        line == Line && column == Column && Words.All(w => text.Contains(w, StringComparison.Ordinal));

    public override string ToString() => $"{Line}:{Column} {string.Join(' ', Words)}";
}

/// <summary>QEMU arguments that must appear, adjacent and in order, in VM-NAME's launch command.</summary>
public sealed record ExpectedQemuArguments(string VmName, IReadOnlyList<string> Arguments, int HeaderLine)
{
    public override string ToString() => $"{VmName}: {string.Join(' ', Arguments)}";
}
