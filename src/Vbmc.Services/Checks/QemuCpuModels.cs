namespace Vbmc.Services.Checks;

/// <summary>
/// The x86 CPU models QEMU knows, per QEMU version vbmc's launch scripts meet (Debian 12's 7.2
/// on hosts, Debian sid's in the tests' reference root), as QEMU's own <c>-cpu help</c> lists
/// them (Data/qemu-cpu-models/generate.sh regenerates them; a test checks them against the real
/// QEMUs).
/// </summary>
public static class QemuCpuModels
{
    private static readonly Lazy<IReadOnlyList<(string Version, IReadOnlySet<string> Models)>> ByVersion = new(Read);

    /// <summary>Every version's models, oldest version first.</summary>
    public static IReadOnlyList<(string Version, IReadOnlySet<string> Models)> X86 => ByVersion.Value;

    private static IReadOnlyList<(string, IReadOnlySet<string>)> Read()
    {
        var assembly = typeof(QemuCpuModels).Assembly;
        const string prefix = "qemu-cpu-models/x86_64-";
        var versions = new List<(string, IReadOnlySet<string>)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var models = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.Ordinal);
            versions.Add((name[prefix.Length..^".txt".Length], models));
        }
        return versions.OrderBy(v => Version.Parse(v.Item1)).ToList();
    }
}
