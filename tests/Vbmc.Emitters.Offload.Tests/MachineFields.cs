using Vbmc.Lowering;

namespace Vbmc.Emitters.Offload.Tests;

/// <summary>
/// Every build-machine field with its effective value: what Guile computed with upstream Guix's
/// defaults filled in for the fields the file leaves out, and what the plan says.
/// </summary>
public static class MachineFields
{
    private static readonly IReadOnlyDictionary<string, GuileValue> UpstreamDefaults = new Dictionary<string, GuileValue>
    {
        ["port"] = new GuileValue.Integer(22),
        ["compression"] = new GuileValue.Text("zlib@openssh.com,zlib"),
        ["compression-level"] = new GuileValue.Integer(3),
        ["daemon-socket"] = new GuileValue.Text("/var/guix/daemon-socket/socket"),
        ["overload-threshold"] = new GuileValue.Real(0.8),
        ["parallel-builds"] = new GuileValue.Integer(1),
        ["speed"] = new GuileValue.Real(1.0),
        ["features"] = new GuileValue.TextList([]),
    };

    /// <summary>The fields Guile returned, with upstream's defaults for the ones left out.</summary>
    public static SortedDictionary<string, GuileValue> Effective(IReadOnlyDictionary<string, GuileValue> written)
    {
        var all = new SortedDictionary<string, GuileValue>(written.ToDictionary(), StringComparer.Ordinal);
        foreach (var (field, value) in UpstreamDefaults) all.TryAdd(field, value);
        return all;
    }

    /// <summary>The plan's values; <paramref name="hostKey"/> is what the machine's host key must be.</summary>
    public static SortedDictionary<string, GuileValue> Of(BuildMachinePlan m, string hostKey) => new(StringComparer.Ordinal)
    {
        ["name"] = new GuileValue.Text(m.Name),
        ["port"] = new GuileValue.Integer(m.Port),
        ["systems"] = new GuileValue.TextList(m.Systems),
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
    };
}
