namespace Vbmc.Host.Probe;

/// <summary>Tests every target (already deduplicated), several at once, and reports them in input order.</summary>
public static class ProbeRunner
{
    public static async Task<ProbeReport> RunAsync(string source, IReadOnlyList<ProbeTarget> targets, ProbeOptions options,
        CancellationToken cancel = default)
    {
        var prober = new MachineProber(options);
        var reports = new MachineReport[targets.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancel },
            async (i, token) => reports[i] = await prober.ProbeAsync(targets[i], token));
        return new ProbeReport(source, reports);
    }
}
