using System.Diagnostics;
using Vbmc.TestSupport;

namespace Vbmc.Reader.Tests;

/// <summary>
/// The committed parser must be exactly what the grammar generates: editing a .g4 file without
/// running grammar/generate.sh fails here.
/// </summary>
public class GrammarDriftTests
{
    [Fact]
    public async Task Generated_parser_matches_the_grammar()
    {
        var node = FindOnPath("node");
        if (node is null)
        {
            // Without node the generator cannot run; the committed files are still checked to exist.
            Directory.GetFiles(Committed, "*.cs").Should().NotBeEmpty();
            return;
        }
        var outDir = Path.Combine(Path.GetTempPath(), "vbmc-grammar-" + Guid.NewGuid().ToString("N"));
        try
        {
            var psi = new ProcessStartInfo("sh") { RedirectStandardError = true, RedirectStandardOutput = true };
            psi.ArgumentList.Add(Path.Combine(RepoPaths.Grammar, "generate.sh"));
            psi.ArgumentList.Add(outDir);
            using var process = Process.Start(psi)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            await stdout;
            process.ExitCode.Should().Be(0, await stderr);

            var fresh = Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            var committed = Directory.GetFiles(Committed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            committed.Should().Equal(fresh);
            foreach (var name in fresh)
                File.ReadAllBytes(Path.Combine(outDir, name!)).Should().Equal(File.ReadAllBytes(Path.Combine(Committed, name!)),
                    $"{name} is stale: run grammar/generate.sh");
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    private static string Committed => Path.Combine(RepoPaths.Root, "src", "Vbmc.Reader", "Generated");

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
