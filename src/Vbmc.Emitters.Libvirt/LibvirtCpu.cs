namespace Vbmc.Emitters.Libvirt;

/// <summary>
/// The VM's QEMU <c>-cpu</c> value (a model and optional ',flag' items, as the user wrote it) as
/// libvirt's &lt;cpu&gt; element: the model, the features it turns on or off, and the items
/// libvirt has no element for (QEMU properties with other values, such as <c>level=13</c>),
/// which the domain leaves out and compile reports.
/// </summary>
/// <param name="Mode">libvirt's CPU mode: host-passthrough for <c>host</c>, maximum for <c>max</c>, else custom.</param>
/// <param name="Model">The model for custom mode; null otherwise.</param>
/// <param name="Features">(name, policy) in the order written: policy is require or disable.</param>
/// <param name="Unexpressed">The items left out, as written.</param>
public sealed record LibvirtCpu(string Mode, string? Model, IReadOnlyList<(string Name, string Policy)> Features, IReadOnlyList<string> Unexpressed)
{
    public static LibvirtCpu From(string qemuCpu)
    {
        var items = qemuCpu.Split(',');
        var (mode, model) = items[0] switch
        {
            "host" => ("host-passthrough", (string?)null),
            "max" => ("maximum", null),
            var m => ("custom", m),
        };
        var features = new List<(string, string)>();
        var unexpressed = new List<string>();
        foreach (var item in items.Skip(1))
        {
            if (Feature(item) is { } feature) features.Add(feature);
            else unexpressed.Add(item);
        }
        return new LibvirtCpu(mode, model, features, unexpressed);
    }

    /// <summary>
    /// QEMU's spellings of a feature switch: +f and a bare f turn it on, -f turns it off, and
    /// f=on/off (or QEMU's other boolean words). The name is passed as written: libvirt refuses a
    /// name its CPU map does not know when the domain is defined, so a mismatch is never silent.
    /// </summary>
    private static (string, string)? Feature(string item)
    {
        if (item.Length > 1 && item[0] == '+') return Named(item[1..], "require");
        if (item.Length > 1 && item[0] == '-') return Named(item[1..], "disable");
        var equals = item.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0) return Named(item, "require");
        return item[(equals + 1)..] switch
        {
            "on" or "yes" or "true" => Named(item[..equals], "require"),
            "off" or "no" or "false" => Named(item[..equals], "disable"),
            _ => null,
        };
    }

    private static (string, string)? Named(string name, string policy) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') ? (name, policy) : null;
}
