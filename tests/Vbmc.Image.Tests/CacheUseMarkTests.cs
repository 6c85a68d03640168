using Vbmc.Image.Base;

namespace Vbmc.Image.Tests;

/// <summary>`vbmc gc --cache-days` removes the bases no build used lately: each use marks the base's list of inputs.</summary>
public sealed class CacheUseMarkTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("vbmc-cache-mark-").FullName;
    private string _folder => Directory.CreateDirectory(Path.Combine(_cache, "debian")).FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public void A_use_of_a_cached_base_makes_it_recent_for_gc()
    {
        var key = new string('d', 64);
        File.WriteAllBytes(Path.Combine(_folder, key + ".tar"), new byte[10]);
        var inputs = Path.Combine(_folder, key + ".txt");
        File.WriteAllText(inputs, "inputs\n");
        File.SetLastWriteTimeUtc(inputs, DateTime.UtcNow.AddDays(-40));

        CacheCollector.MarkUsed(_folder, key);

        File.GetLastWriteTimeUtc(inputs).Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        var output = new StringWriter();
        CacheCollector.Collect(_cache, dryRun: false, DateTime.UtcNow, TimeSpan.FromDays(30), output).Should().Be(0, output.ToString());
        File.Exists(Path.Combine(_folder, key + ".tar")).Should().BeTrue("it was used just now");
        CacheCollector.Collect(_cache, dryRun: false, DateTime.UtcNow.AddDays(31), TimeSpan.FromDays(30), output).Should().Be(10);
        File.Exists(Path.Combine(_folder, key + ".tar")).Should().BeFalse("31 days after its last use it is unused");
    }
}
