using System.Diagnostics;
using Vbmc.Processes;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>
/// An image build that is interrupted leaves no staging folder (gigabytes each: the audit found
/// 2.6 GB after five killed compiles) and no child (the audit saw `tar` go on after Ctrl-C); one
/// killed with SIGKILL, which runs no handler, leaves a folder that the next build removes.
/// </summary>
public sealed class InterruptedBuildTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-interrupted-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string StagingParent => Path.Combine(ImageBuildSettings.DefaultCacheDirectory, "staging");

    [Theory]
    [InlineData("SIGTERM", 15)]
    [InlineData("SIGINT", 2)]
    public async Task A_build_interrupted_while_staging_removes_its_staging_folder_and_kills_its_children(string name, int signal)
    {
        _ = CachedDebianBase.Archive; // the base is cached: the build reaches staging in seconds
        var configuration = Path.Combine(_folder, "vm.scm");
        File.WriteAllText(configuration, """
            (use-modules (gnu services virtualization))
            (list (service virtual-build-machine-service-type (virtual-build-machine (name 'interrupted))))
            """);
        var before = Directory.Exists(StagingParent) ? Directory.GetDirectories(StagingParent).ToHashSet() : [];
        var command = VbmcCli.CommandLine(["compile", configuration, "-o", Path.Combine(_folder, "out")]);
        using var vbmc = Process.Start(new ProcessStartInfo(command[0], command.Skip(1))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var output = vbmc.StandardError.ReadToEndAsync();

        // Wait until the build has a staging folder and is copying the base into it.
        string? staging = null;
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline && !vbmc.HasExited)
        {
            staging = Directory.Exists(StagingParent)
                ? Directory.GetDirectories(StagingParent, "interrupted.*").FirstOrDefault(d => !before.Contains(d))
                : null;
            if (staging is not null && Directory.Exists(Path.Combine(staging, "root", "etc"))) break;
            Thread.Sleep(100);
        }
        staging.Should().NotBeNull("the build never staged: " + (vbmc.HasExited ? await output : "(still running)"));
        Kill(vbmc.Id, signal).Should().Be(0);
        vbmc.WaitForExit(60_000).Should().BeTrue($"vbmc ends on {name}");
        var said = await output;

        Directory.Exists(staging!).Should().BeFalse($"the staging folder is removed on {name}: {said}");
        ProcessesMentioning(staging!).Should().BeEmpty("no child of the build outlives it");
    }

    [Fact]
    public void A_staging_folder_no_build_holds_is_removed_and_one_in_use_is_kept()
    {
        var parent = Path.Combine(_folder, "cache", "staging");
        var leftover = Path.Combine(parent, "killed.0123456789abcdef0123456789abcdef");
        Directory.CreateDirectory(Path.Combine(leftover, "root", "etc"));
        File.WriteAllText(Path.Combine(leftover, "root", "etc", "hostname"), "x");

        // What a build in another process holds: the lock is taken before its folder exists.
        using var inUse = ImageStaging.Create(Path.Combine(_folder, "cache"), "running");
        Directory.Exists(leftover).Should().BeFalse("Create removes what killed builds left");
        Directory.Exists(inUse.Path).Should().BeTrue();
        ImageStaging.RemoveLeftovers(parent).Should().Be(0);
        Directory.Exists(inUse.Path).Should().BeTrue("its build still holds it");
    }

    /// <summary>Processes whose command line names <paramref name="path"/> (tar extracting into it, mke2fs reading it).</summary>
    private static List<string> ProcessesMentioning(string path)
    {
        var found = new List<string>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(path)) found.Add($"{Path.GetFileName(dir)}: {cmdline}");
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
