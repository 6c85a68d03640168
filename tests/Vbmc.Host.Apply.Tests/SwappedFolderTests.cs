using Vbmc.Host.Apply.Tests.Support;

namespace Vbmc.Host.Apply.Tests;

/// <summary>
/// A folder under --root R swapped for a link after apply built a path through it, and before
/// apply used that path (the race a process of R's owner can run against apply): the kernel
/// resolves each use beneath R (openat2 RESOLVE_IN_ROOT), so the link leads inside R, never out.
/// The steps' hook makes the swap at a fixed point: the staging folder's path is built in the
/// stage step and written to again in the machine-files step, and renamed in the seal step.
/// </summary>
[Collection(CompiledCollection.Name)]
public sealed class SwappedFolderTests : IDisposable
{
    private readonly TestRoot _t = new();

    public void Dispose() => _t.Dispose();

    private string Outside => Path.Combine(_t.Work, "outside");

    [Theory]
    [InlineData(ApplySteps.MachineFiles, "/var/lib/vbmc/generations")]
    [InlineData(ApplySteps.MachineFiles, "/var/lib/vbmc")]
    [InlineData(ApplySteps.Seal, "/var/lib/vbmc/generations")]
    [InlineData(ApplySteps.Switch, "/var/lib/vbmc")]
    public void A_folder_swapped_for_a_link_after_apply_built_its_paths_leads_nowhere_outside_the_root(string step, string hostPath)
    {
        Directory.CreateDirectory(Outside);
        File.SetUnixFileMode(Outside, (UnixFileMode)Convert.ToInt32("755", 8));
        var swapped = false;

        var outcome = Run.Apply(Compiled.FirstFolder, _t.Root, beforeStep: entered =>
        {
            if (entered != step) return;
            Directory.Move(_t.At(hostPath), _t.At(hostPath) + ".moved");
            File.CreateSymbolicLink(_t.At(hostPath), Outside);
            swapped = true;
        });

        swapped.Should().BeTrue(outcome.Describe());
        Directory.EnumerateFileSystemEntries(Outside).Should().BeEmpty($"apply followed {hostPath} out of the root: {outcome.Describe()}");
        File.GetUnixFileMode(Outside).Should().Be((UnixFileMode)Convert.ToInt32("755", 8));
        // Each diagnostic names the path apply meant, never the /proc name of a folder descriptor.
        outcome.Describe().Should().NotContain("/proc/");
    }
}
