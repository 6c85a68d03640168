using Vbmc.Host.Probe;

namespace Vbmc.Host.Probe.Tests;

/// <summary>
/// `vbmc test --root R` (run as root) writes each VM's last result and reads its keys under R: a
/// link planted under R leads inside R, as it will once R is the root, never to the host's files.
/// </summary>
public sealed class RootLinkTests
{
    private static MachineReport Report(string vm) => new(
        new ProbeTarget { Host = "127.0.0.1", Port = 22, User = "build", PrivateKeyFile = "key", Vm = vm },
        [new CheckResult("reachable", CheckStatus.Fail, "connection refused")]);

    [Fact]
    public void The_last_result_is_not_written_through_a_state_folder_linked_out_of_the_root()
    {
        using var work = new TestFolder();
        var root = work.File("root");
        var outside = work.File("outside");
        Directory.CreateDirectory(outside);
        Directory.CreateDirectory(Path.Join(root, "var/lib/vbmc"));
        Directory.CreateSymbolicLink(Path.Join(root, "var/lib/vbmc/alpha"), outside);

        var problems = LastTestRecord.WriteAll(root, new ProbeReport("manifest.json", [Report("alpha")]), DateTimeOffset.UnixEpoch);

        Directory.EnumerateFileSystemEntries(outside).Should().BeEmpty("the link leads to R" + outside + ", not to " + outside);
        problems.Should().BeEmpty("a VM whose state folder does not exist under the root is not installed there: nothing to record");
    }

    [Fact]
    public void The_last_result_is_written_through_a_link_that_stays_in_the_root()
    {
        using var work = new TestFolder();
        var root = work.File("root");
        Directory.CreateDirectory(Path.Join(root, "srv/alpha"));
        Directory.CreateDirectory(Path.Join(root, "var/lib/vbmc"));
        Directory.CreateSymbolicLink(Path.Join(root, "var/lib/vbmc/alpha"), "/srv/alpha");

        LastTestRecord.WriteAll(root, new ProbeReport("manifest.json", [Report("alpha")]), DateTimeOffset.UnixEpoch).Should().BeEmpty();

        File.ReadAllText(Path.Join(root, "srv/alpha/last-test.json")).Should().Contain("\"passed\":false");
        LastTestRecord.Read(root, "alpha")!.FailedCheck.Should().Be("reachable");
    }

    [Fact]
    public void Key_paths_given_to_ssh_resolve_links_inside_the_root()
    {
        using var work = new TestFolder();
        var root = work.File("root");
        Directory.CreateDirectory(Path.Join(root, "etc"));
        Directory.CreateSymbolicLink(Path.Join(root, "etc/vbmc"), "/etc");

        ProbeTargets.InsideRoot(root, "/etc/vbmc/alpha/offload_ed25519")
            .Should().Be(Path.Join(root, "etc/alpha/offload_ed25519"), "/etc/vbmc -> /etc is R/etc once R is the root");
    }
}
