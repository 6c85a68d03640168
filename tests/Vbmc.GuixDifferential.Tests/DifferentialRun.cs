using System.Diagnostics;
using Vbmc.TestSupport;

namespace Vbmc.GuixDifferential.Tests;

/// <summary>
/// One run of the harness, shared by the tests of <see cref="GuixDifferentialTests"/>: Guix's
/// verdicts (one Guile process in a session of the reference root) and vbmc's (the real
/// program), computed side by side, on the corpus and Guix's example templates.
/// </summary>
public sealed class DifferentialRun
{
    public IReadOnlyList<CorpusEntry> Corpus { get; }

    public IReadOnlyList<CorpusEntry> Templates { get; }

    public IReadOnlyList<Comparison> Comparisons { get; }

    public TimeSpan GuixTime { get; }

    public TimeSpan VbmcTime { get; }

    public TimeSpan Total { get; }

    public DifferentialRun()
    {
        var total = Stopwatch.StartNew();
        Corpus = CorpusEntry.LoadCorpus();
        Templates = CorpusEntry.LoadTemplates(ReferenceRoot.Folder);
        var entries = Corpus.Concat(Templates).ToList();

        TimeSpan guixTime = default, vbmcTime = default;
        var vbmc = Task.Run(() =>
        {
            var watch = Stopwatch.StartNew();
            var verdicts = VbmcRunner.Run(entries);
            vbmcTime = watch.Elapsed;
            return verdicts;
        });
        IReadOnlyDictionary<string, GuixVerdict> guix;
        using (var session = ReferenceRoot.Enter())
        {
            var watch = Stopwatch.StartNew();
            guix = GuixRunner.Run(session, entries);
            guixTime = watch.Elapsed;
        }
        var vbmcVerdicts = vbmc.GetAwaiter().GetResult();
        Comparisons = entries.Select(e => Differential.Compare(e, guix[e.Name], vbmcVerdicts[e.Name])).ToList();
        GuixTime = guixTime;
        VbmcTime = vbmcTime;
        Total = total.Elapsed;
    }
}
