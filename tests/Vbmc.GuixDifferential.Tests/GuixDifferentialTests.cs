using System.Text.RegularExpressions;
using Vbmc.TestSupport;
using Xunit.Abstractions;

namespace Vbmc.GuixDifferential.Tests;

/// <summary>
/// vbmc check must accept what GNU Guix 1.5.0 accepts and reject what it rejects. These tests
/// compare both on every file of tests/corpus and on Guix's own example templates (rules in
/// tests/corpus/README.md), hold vbmc to the list of known disagreements, and keep the corpus
/// honest (each file is what it claims to be for Guix, and the corpus covers what it promises).
/// </summary>
public sealed partial class GuixDifferentialTests(DifferentialRun run, ITestOutputHelper output) : IClassFixture<DifferentialRun>
{
    [Fact]
    public void Vbmc_agrees_with_Guix_except_on_the_known_disagreements()
    {
        var listed = KnownDisagreements.Read();
        var known = listed.ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"vbmc under test: {VbmcCli.Description}");
        output.WriteLine(Differential.Table(run.Comparisons, known));
        output.WriteLine(Differential.Causes(run.Comparisons));
        output.WriteLine(Differential.Summary(run.Comparisons, known));
        output.WriteLine($"time: {run.Total.TotalSeconds:F1} s in all; Guix {run.GuixTime.TotalSeconds:F1} s " +
                         $"(one Guile process, {run.Comparisons.Count} files), vbmc {run.VbmcTime.TotalSeconds:F1} s (alongside)");

        var disagreements = run.Comparisons.Where(c => !c.Agrees).ToList();
        if (Environment.GetEnvironmentVariable(KnownDisagreements.UpdateVariable) is "1")
        {
            File.WriteAllText(KnownDisagreements.PathInRepository, KnownDisagreements.Render(disagreements));
            output.WriteLine($"wrote {KnownDisagreements.PathInRepository} ({disagreements.Count} files)");
            return;
        }

        var names = run.Comparisons.Select(c => c.Entry.Name).ToHashSet(StringComparer.Ordinal);
        var regressions = disagreements.Where(c => !known.Contains(c.Entry.Name))
            .Select(c => $"{c.Entry.Name}: {Comparison.Category(c.Outcome)}; vbmc: {c.Vbmc.Describe()}; guix: {c.Guix.Describe()}").ToList();
        var nowAgreeing = run.Comparisons.Where(c => c.Agrees && known.Contains(c.Entry.Name)).Select(c => c.Entry.Name).ToList();
        var stale = listed.Where(n => !names.Contains(n)).ToList();
        var duplicates = listed.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        var problems = new List<string>();
        if (regressions.Count > 0)
            problems.Add("disagreements not in known-disagreements.txt (regressions, or new corpus files to fix or list):\n  " + string.Join("\n  ", regressions));
        if (nowAgreeing.Count > 0)
            problems.Add("files in known-disagreements.txt that now agree (remove them: bash tests/guix-differential.sh --update):\n  " + string.Join("\n  ", nowAgreeing));
        if (stale.Count > 0)
            problems.Add("files in known-disagreements.txt that the harness no longer compares:\n  " + string.Join("\n  ", stale));
        if (duplicates.Count > 0)
            problems.Add("files listed twice in known-disagreements.txt:\n  " + string.Join("\n  ", duplicates));
        problems.Should().BeEmpty();
    }

    /// <summary>The corpus is written for Guix 1.5.0: deliberate mistakes are rejected by Guix, every other file accepted.</summary>
    [Fact]
    public void Guix_judges_each_corpus_file_as_its_header_says()
    {
        var wrong = run.Comparisons.Where(c => !c.Entry.IsTemplate)
            .Where(c => c.Entry.GuixRejects ? !c.Guix.Rejects || c.Guix.Verdict == "crash" : !c.Guix.Accepts)
            .Select(c => $"{c.Entry.Name} ({(c.Entry.GuixRejects ? "a deliberate mistake" : "meant to be valid")}): Guix says {c.Guix.Describe()}\n{c.Guix.Output}")
            .ToList();
        wrong.Should().BeEmpty("every corpus file must be valid for Guix 1.5.0 unless it says 'guix-differential: guix-rejects'");
    }

    [Fact]
    public void Guix_example_templates_are_compared()
    {
        run.Templates.Should().HaveCountGreaterThanOrEqualTo(10, "Guix 1.5.0 installs about fifteen example templates");
        run.Comparisons.Where(c => c.Entry.IsTemplate).Should().HaveCount(run.Templates.Count);
        foreach (var c in run.Comparisons.Where(c => c.Entry.IsTemplate))
            output.WriteLine($"{c.Entry.Name}: guix {c.Guix.Describe()}; vbmc {c.Vbmc.Describe()}");
    }

    /// <summary>
    /// What the corpus promises (tests/corpus/README.md): its size, the deliberate mistakes, every
    /// service module of the installed Guix at least once, and each kind of configuration.
    /// </summary>
    [Fact]
    public void Corpus_covers_what_it_promises()
    {
        var corpus = run.Corpus;
        var texts = corpus.ToDictionary(e => e.Name, e => File.ReadAllText(e.HostPath));
        // Features may be used by the files the corpus files load (support folders) too.
        var all = string.Join("\n", Directory.EnumerateFiles(CorpusEntry.CorpusFolder, "*.scm", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var problems = new List<string>();
        void Require(bool ok, string what) { if (!ok) problems.Add(what); }

        Require(corpus.Count >= 150, $"at least 150 corpus files (has {corpus.Count})");
        Require(corpus.Count(e => e.GuixRejects) >= 30, $"at least 30 deliberate mistakes (has {corpus.Count(e => e.GuixRejects)})");
        Require(corpus.Count(e => e.Stricter is not null) >= 5, "at least 5 vbmc-stricter files");
        Require(corpus.Count(e => e.LoadPath.Count > 0) >= 2, "files that need -L folders");

        // Every service module of the installed Guix, imported by at least one file.
        var modules = Directory.GetFiles(Path.Join(ReferenceRoot.Folder, "usr/share/guile/site/3.0/gnu/services"), "*.scm")
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        Require(modules.Count >= 60, $"the root's gnu/services has the modules of Guix 1.5.0 (found {modules.Count})");
        var imported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts.Values)
        {
            foreach (Match m in ServiceModuleRegex().Matches(text)) imported.Add(m.Groups["name"].Value);
            foreach (Match m in UseServiceModulesRegex().Matches(text))
                foreach (var name in m.Groups["names"].Value.Split([' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries))
                    imported.Add(name);
        }
        var missing = modules.Where(m => !imported.Contains(m)).ToList();
        Require(missing.Count == 0, "every service module of Guix 1.5.0 used by a corpus file; missing: " + string.Join(' ', missing));

        // Each kind of value, as Guix judged it.
        var kinds = run.Comparisons.Where(c => !c.Entry.IsTemplate && c.Guix.Accepts).GroupBy(c => c.Guix.ValueKind)
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var (kind, least) in new[] { ("operating-system", 100), ("services", 15), ("machines", 6), ("channels", 4) })
            Require(kinds.GetValueOrDefault(kind) >= least, $"at least {least} valid files whose value is {kind} (has {kinds.GetValueOrDefault(kind)})");

        // The features the README lists, each used somewhere.
        foreach (var feature in new[]
                 {
                     "%desktop-services", "gdm-service-type", "sddm-service-type", "pulseaudio-service-type", "xorg-configuration",
                     "openssh-service-type", "nginx-service-type", "postgresql-service-type", "certbot-service-type",
                     "dovecot-service-type", "knot-service-type", "ntp-service-type", "docker-service-type", "libvirt-service-type",
                     "virtual-build-machine", "grub-bootloader", "grub-efi-bootloader", "extlinux-bootloader", "u-boot-",
                     "file-system-label", "(uuid ", "subvol=", "\"tmpfs\"", "bind-mount", "luks-device-mapping",
                     "lvm-device-mapping", "raid-device-mapping", "user-group", "user-account", "specification->package",
                     "modify-services", "(delete ", "=>", "simple-service", "#~", "#$", "#$output", "program-file", "computed-file",
                     "guix-configuration", "substitute-urls", "authorized-keys", "build-machines", "(channel", "build-machine",
                     "(load ", "(include ", "add-to-load-path", "define-module", "local-file", "string->date", "make-date",
                     "auto-start?", "port-forwardings", "cpu-count", "memory-size", "(cpu ", "(image ",
                 })
            Require(all.Contains(feature, StringComparison.Ordinal), $"a corpus file that uses {feature}");
        problems.Should().BeEmpty();
    }

    [GeneratedRegex(@"\(gnu services (?<name>[a-z0-9-]+)\)")]
    private static partial Regex ServiceModuleRegex();

    [GeneratedRegex(@"\(use-service-modules(?<names>[^)]*)\)")]
    private static partial Regex UseServiceModulesRegex();
}
