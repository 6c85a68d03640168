using Vbmc.TestSupport;
using static Vbmc.Image.Disk.Tests.DiskProbe;

namespace Vbmc.Image.Disk.Tests;

/// <summary>The parsing of e2fsprogs' output, on output of the installed tools.</summary>
public sealed class Ext4ToolOutputTests
{
    [Fact]
    public void The_installed_mke2fs_version_is_read_and_new_enough()
    {
        var run = ProcessRunner.Run(HostTools.Require("mke2fs", "e2fsprogs"), ["-V"]);
        var version = Ext4FileSystem.ParseVersion(run.Stderr + run.Stdout);
        version.Should().NotBeNull().And.BeGreaterThanOrEqualTo(Ext4FileSystem.MinimumVersion);
        Ext4FileSystem.ParseVersion("mke2fs 1.46.5 (30-Dec-2021)").Should().Be(new Version(1, 46, 5));
        Ext4FileSystem.ParseVersion("no version here").Should().BeNull();
    }

    [Fact]
    public void Debugfs_errors_are_recognised_and_its_banner_is_not_one()
    {
        OwnershipPass.ErrorLines("debugfs 1.47.0 (5-Feb-2023)\n").Should().BeEmpty();
        OwnershipPass.ErrorLines("debugfs 1.47.0 (5-Feb-2023)\nsif: Filesystem opened read/only\n")
            .Should().Equal("sif: Filesystem opened read/only");
    }
}
