using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vbmc.Host.Probe;

/// <summary>
/// The report of `vbmc test`, as text for people or JSON for tools. Text: one block per machine
/// (a heading line, then one line per check: status, check, detail), then a summary line.
/// </summary>
public static class ReportWriter
{
    public const int JsonVersion = 1;

    public static string Text(ProbeReport report)
    {
        var text = new StringBuilder();
        foreach (var machine in report.Machines)
        {
            text.Append(Printable(Heading(machine.Target))).Append('\n');
            foreach (var check in machine.Checks)
                text.Append(CultureInfo.InvariantCulture, $"  {Status(check.Status),-4}  {check.Id,-9}  {Printable(check.Detail)}\n");
            text.Append('\n');
        }
        text.Append(Printable(Summary(report))).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// A line as a terminal shows it: names and answers come from machine files and remote
    /// machines, and a control character (an escape sequence, a carriage return, a line break)
    /// could forge or hide report lines. Those are written as \xNN, C1 controls and bidirectional
    /// overrides as \uNNNN.
    /// </summary>
    public static string Printable(string line)
    {
        if (!line.Any(IsUnsafe)) return line;
        var text = new StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            if (!IsUnsafe(c)) text.Append(c);
            else if (c < 0x80) text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            else text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
        }
        return text.ToString();
    }

    private static bool IsUnsafe(char c) =>
        c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c is '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');

    /// <summary>"2 machines from FILE: 1 passed, 1 failed".</summary>
    public static string Summary(ProbeReport report)
    {
        var passed = report.Machines.Count(m => m.Passed);
        var count = report.Machines.Count;
        return $"{count} {(count == 1 ? "machine" : "machines")} from {report.Source}: {passed} passed, {count - passed} failed";
    }

    /// <summary>
    /// {"version":1,"source":..,"passed":bool,"machines":[{"name","port","user","vm","listed",
    /// "passed","checks":[{"id","status","detail","values":{..}}]}],"summary":{"machines","passed","failed"}}.
    /// </summary>
    public static string Json(ProbeReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", JsonVersion);
            json.WriteString("source", report.Source);
            json.WriteBoolean("passed", report.Passed);
            json.WriteStartArray("machines");
            foreach (var machine in report.Machines) WriteMachine(json, machine);
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("machines", report.Machines.Count);
            json.WriteNumber("passed", report.Machines.Count(m => m.Passed));
            json.WriteNumber("failed", report.Machines.Count(m => !m.Passed));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteMachine(Utf8JsonWriter json, MachineReport machine)
    {
        var t = machine.Target;
        json.WriteStartObject();
        json.WriteString("name", t.Host);
        json.WriteNumber("port", t.Port);
        json.WriteString("user", t.User);
        if (t.Vm is null) json.WriteNull("vm");
        else json.WriteString("vm", t.Vm);
        json.WriteNumber("listed", t.Listed);
        json.WriteBoolean("passed", machine.Passed);
        json.WriteStartArray("checks");
        foreach (var check in machine.Checks)
        {
            json.WriteStartObject();
            json.WriteString("id", check.Id);
            json.WriteString("status", Status(check.Status));
            json.WriteString("detail", check.Detail);
            json.WriteStartObject("values");
            foreach (var (name, value) in check.MeasuredValues)
            {
                switch (value)
                {
                    case string s: json.WriteString(name, s); break;
                    case int i: json.WriteNumber(name, i); break;
                    case long l: json.WriteNumber(name, l); break;
                    case double d: json.WriteNumber(name, d); break;
                    case bool b: json.WriteBoolean(name, b); break;
                    default: json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                }
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Heading(ProbeTarget t)
    {
        var about = new List<string>();
        if (t.Vm is not null) about.Add($"virtual build machine {t.Vm}");
        about.Add($"user {t.User}");
        if (t.Listed > 1) about.Add($"listed {t.Listed} times, tested once");
        return $"{t.Display} ({string.Join(", ", about)})";
    }

    public static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Warn => "warn",
        CheckStatus.Fail => "fail",
        _ => "skip",
    };
}
