using System.Globalization;
using System.Text;
using System.Text.Json;
using Vbmc.Lowering;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>
/// Every field of a Guix <c>build-machine</c> record, as Guix returned it
/// (<see cref="GuixOffloadOracle"/>: the fields machines.scm leaves out hold Guix's own defaults)
/// or as the plan gives it, described as text: one <c>field value</c> line per field, sorted by
/// field, each value written so that two values differ exactly when their texts do (strings as
/// JSON with every non-ASCII character escaped, reals in round-trip form, exact integers apart
/// from reals). Tests compare descriptions with plain string equality.
/// </summary>
public static class MachineFields
{
    /// <summary>The record as Guix returned it.</summary>
    public static string Read(IReadOnlyDictionary<string, GuileValue> record) => Describe(record);

    /// <summary>The plan's values; <paramref name="hostKey"/> is what the machine's host key must be.</summary>
    public static string Of(BuildMachinePlan m, string hostKey) => Describe(new Dictionary<string, GuileValue>
    {
        ["name"] = new GuileValue.Text(m.Name),
        ["port"] = new GuileValue.Integer(m.Port),
        ["systems"] = new GuileValue.TextList(m.Systems),
        ["system"] = new GuileValue.Boolean(false), // the deprecated field: never written
        ["user"] = new GuileValue.Text(m.User),
        ["private-key"] = new GuileValue.Text(m.PrivateKey),
        ["host-key"] = new GuileValue.Text(hostKey),
        ["compression"] = new GuileValue.Text(m.Compression),
        ["compression-level"] = new GuileValue.Integer(m.CompressionLevel),
        ["daemon-socket"] = new GuileValue.Text(m.DaemonSocket),
        ["overload-threshold"] = m.OverloadThreshold is { } t ? new GuileValue.Real(t) : new GuileValue.Boolean(false),
        ["parallel-builds"] = new GuileValue.Integer(m.ParallelBuilds),
        ["speed"] = new GuileValue.Real(m.Speed),
        ["features"] = new GuileValue.TextList(m.Features),
    });

    private static string Describe(IReadOnlyDictionary<string, GuileValue> fields)
    {
        var text = new StringBuilder();
        foreach (var (field, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            text.Append(field).Append(' ').Append(Describe(value)).Append('\n');
        return text.ToString();
    }

    private static string Describe(GuileValue value) => value switch
    {
        GuileValue.Text t => JsonSerializer.Serialize(t.Value),
        GuileValue.TextList l => "(" + string.Join(" ", l.Items.Select(i => JsonSerializer.Serialize(i))) + ")",
        GuileValue.Integer i => "exact " + i.Value.ToString(CultureInfo.InvariantCulture),
        GuileValue.Real r => "inexact " + r.Value.ToString("R", CultureInfo.InvariantCulture),
        GuileValue.Boolean b => b.Value ? "#t" : "#f",
        GuileValue.Other o => "other " + JsonSerializer.Serialize(o.Written),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };
}
