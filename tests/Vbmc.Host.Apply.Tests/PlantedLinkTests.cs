using Vbmc.Host.Apply.Tests.Support;

namespace Vbmc.Host.Apply.Tests;

/// <summary>
/// Links planted under --root R never lead apply out of R (the audit: keys and secrets.tar were
/// written outside R, the outside folder chmod'ed, a unit link placed outside). Each link resolves
/// inside R as it would once R is the root, as systemd-tmpfiles and systemd-sysusers resolve it:
/// apply then writes there, or stops with a diagnostic; outside R nothing changes.
/// </summary>
[Collection(CompiledCollection.Name)]
public sealed class PlantedLinkTests : IDisposable
{
    private readonly TestRoot _t = new();

    public void Dispose() => _t.Dispose();

    private string Outside => Path.Combine(_t.Work, "outside");

    [Theory]
    [InlineData("/etc/vbmc")]
    [InlineData("/etc/vbmc/alpha")]
    [InlineData("/etc/vbmc/alpha/offload_ed25519")]
    [InlineData("/etc/vbmc/alpha/secrets.tar")]
    [InlineData("/var/lib/vbmc")]
    [InlineData("/var/lib/vbmc/alpha")]
    [InlineData("/var/lib/vbmc/generations")]
    [InlineData("/etc/systemd/system")]
    [InlineData("/etc/systemd")]
    [InlineData("/etc/nix")]
    [InlineData("/etc/guix")]
    public void A_link_planted_under_the_root_never_leads_apply_outside_it(string hostPath)
    {
        Directory.CreateDirectory(Outside);
        File.SetUnixFileMode(Outside, (UnixFileMode)Convert.ToInt32("755", 8));
        var before = File.GetUnixFileMode(Outside);
        Directory.CreateDirectory(Path.GetDirectoryName(_t.At(hostPath))!);
        File.CreateSymbolicLink(_t.At(hostPath), Outside);

        var result = Run.Cli("apply", Compiled.FirstFolder, "--root", _t.Root, "--no-start");

        Directory.EnumerateFileSystemEntries(Outside).Should().BeEmpty($"apply wrote outside the root through {hostPath}: {result.Err}");
        File.GetUnixFileMode(Outside).Should().Be(before, "nor changed the outside folder's mode");
        new FileInfo(_t.At(hostPath)).LinkTarget.Should().Be(Outside, "the planted link itself is left alone");
        // What apply made went where the link points inside the root.
        if (result.Exit == 0)
            Directory.Exists(Path.Join(_t.Root, Outside)).Should().BeTrue(result.Err);
        else
            result.Err.Should().MatchRegex(@"error: .*\[VBM\d{4}\]");
    }

    [Fact]
    public void A_key_planted_as_a_link_to_a_root_only_file_outside_the_root_is_never_read()
    {
        var secret = Path.Combine(_t.Work, "root-only");
        File.WriteAllText(secret, "a secret of the host");
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.CreateDirectory(_t.At("/etc/vbmc/alpha"));
        File.CreateSymbolicLink(_t.At("/etc/vbmc/alpha/ssh_host_ed25519_key"), secret);

        Run.Cli("apply", Compiled.FirstFolder, "--root", _t.Root, "--no-start");

        File.ReadAllText(secret).Should().Be("a secret of the host");
        File.GetUnixFileMode(secret).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        foreach (var file in Directory.EnumerateFiles(_t.Root, "*", SearchOption.AllDirectories))
        {
            if (new FileInfo(file).LinkTarget is not null) continue;
            File.ReadAllBytes(file).AsSpan().IndexOf("a secret of the host"u8).Should().Be(-1, $"{file} holds the outside file's bytes");
        }
    }

    [Theory]
    [InlineData("/etc/vbmc/alpha/.new-offload_ed25519", true)]
    [InlineData("/etc/vbmc/alpha/.new-ssh_host_ed25519_key", false)]
    public void A_link_or_folder_planted_at_a_temporary_name_does_not_stop_later_applies(string hostPath, bool link)
    {
        Directory.CreateDirectory(Outside);
        Directory.CreateDirectory(Path.GetDirectoryName(_t.At(hostPath))!);
        if (link) File.CreateSymbolicLink(_t.At(hostPath), Outside);
        else Directory.CreateDirectory(Path.Combine(_t.At(hostPath), "inside"));

        var first = Run.Cli("apply", Compiled.FirstFolder, "--root", _t.Root, "--no-start");
        first.Exit.Should().Be(0, first.Err);
        var again = Run.Cli("apply", Compiled.FirstFolder, "--root", _t.Root, "--no-start");
        again.Exit.Should().Be(0, again.Err);
        Directory.Exists(Outside).Should().BeTrue("removing the link never removes what it points to");
        File.Exists(_t.At("/etc/vbmc/alpha/offload_ed25519")).Should().BeTrue();
    }
}
