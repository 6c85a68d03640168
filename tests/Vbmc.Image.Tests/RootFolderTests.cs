using Vbmc.Image.Guest;

namespace Vbmc.Image.Tests;

/// <summary>Guest files are written inside the staged root whatever links the base holds.</summary>
public sealed class RootFolderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-rootfolder-").FullName;
    private string Root => Path.Combine(_folder, "root");
    private string Outside => Path.Combine(_folder, "outside");

    public RootFolderTests()
    {
        Directory.CreateDirectory(Path.Combine(Root, "usr", "lib"));
        Directory.CreateDirectory(Path.Combine(Root, "etc"));
        Directory.CreateDirectory(Outside);
        File.CreateSymbolicLink(Path.Combine(Root, "lib"), "usr/lib");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_absolute_link_in_the_base_points_inside_the_root_not_to_the_hosts_files()
    {
        // A base whose /etc/systemd is a link to an absolute path: on the host that path is outside.
        File.CreateSymbolicLink(Path.Combine(Root, "etc", "systemd"), Outside);
        var root = new RootFolder(Root);
        root.Write(GuestFile.Regular("/etc/systemd/system/x.service", "[Unit]\n"));
        Directory.GetFileSystemEntries(Outside).Should().BeEmpty("nothing is written outside the staged root");
        File.ReadAllText(Path.Combine(Root, Outside.TrimStart('/'), "system", "x.service")).Should().Be("[Unit]\n");
    }

    [Fact]
    public void A_file_that_is_a_link_is_replaced_not_written_through()
    {
        var hostFile = Path.Combine(Outside, "resolv.conf");
        File.WriteAllText(hostFile, "host\n");
        File.CreateSymbolicLink(Path.Combine(Root, "etc", "resolv.conf"), hostFile);
        new RootFolder(Root).Write(GuestFile.Regular("/etc/resolv.conf", "nameserver 10.0.2.3\n"));
        File.ReadAllText(hostFile).Should().Be("host\n");
        new FileInfo(Path.Combine(Root, "etc", "resolv.conf")).LinkTarget.Should().BeNull();
    }

    [Fact]
    public void A_hard_link_shared_with_another_file_keeps_its_content()
    {
        var other = Path.Combine(Root, "usr", "lib", "other");
        File.WriteAllText(other, "other\n");
        Vbmc.TestSupport.ProcessRunner.Run("ln", [other, Path.Combine(Root, "etc", "hostname")]).ExitCode.Should().Be(0);
        new RootFolder(Root).Write(GuestFile.Regular("/etc/hostname", "vm\n"));
        File.ReadAllText(other).Should().Be("other\n");
        File.ReadAllText(Path.Combine(Root, "etc", "hostname")).Should().Be("vm\n");
    }

    [Fact]
    public void Relative_links_and_dot_dot_resolve_within_the_root()
    {
        var root = new RootFolder(Root);
        root.HostPath("/lib/systemd/systemd").Should().Be(Path.Combine(Root, "usr", "lib", "systemd", "systemd"));
        root.HostPath("/../../etc/passwd").Should().Be(Path.Combine(Root, "etc", "passwd"));
        File.CreateSymbolicLink(Path.Combine(Root, "loop"), "/loop");
        root.HostPath("/loop/x").Should().BeNull("a link to itself never resolves");
    }

    [Fact]
    public void Modes_are_the_guest_files_own()
    {
        var root = new RootFolder(Root);
        root.Write(GuestFile.Regular("/usr/lib/vbmc/install-secrets", "#!/bin/sh\n", GuestFile.Program));
        File.GetUnixFileMode(Path.Combine(Root, "usr", "lib", "vbmc", "install-secrets"))
            .Should().Be((UnixFileMode)GuestFile.Program);
    }
}
