using System.Security.Cryptography;
using Vbmc.Image.Base;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Image.Tests;

/// <summary>
/// Images without root: one configuration compiled by the real `vbmc compile` as root and as an
/// ordinary user, with one VBMC_CACHE_DIR holding the cached Debian base, gives the same image,
/// kernel and initrd bytes. The user has no subordinate ids: building from a cached base needs none.
/// </summary>
public sealed class RootlessBuildTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-rootless-").FullName;

    public RootlessBuildTests() => File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101); // the user reaches its folders in it

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Configuration = """
        (use-modules (gnu services virtualization) (srfi srfi-19))
        (list (service virtual-build-machine-service-type
                       (virtual-build-machine (name 'rootless) (date (make-date 0 0 0 0 1 6 2014 0)))))
        """;

    [Fact]
    public void An_ordinary_user_builds_the_same_image_as_root_from_the_same_cached_base()
    {
        foreach (var (program, package) in new[] { ("mke2fs", "e2fsprogs"), ("debugfs", "e2fsprogs"), ("qemu-img", "qemu-utils"), ("tar", "tar") })
            HostTools.Require(program, package);
        var user = OrdinaryUser.Ensure();
        user.RemoveSubordinateIds();
        var configuration = WriteConfiguration();
        var vm = LoweredPlans.FromFile(configuration).Vms.Single();
        var cache = SharedCache(user);

        var rootOutput = Path.Combine(_folder, "as-root");
        var asRoot = VbmcCli.Run(["compile", configuration, "-o", rootOutput], _folder,
            new Dictionary<string, string?> { ["VBMC_CACHE_DIR"] = cache }, TimeSpan.FromMinutes(15));
        asRoot.ExitCode.Should().Be(0, $"vbmc compile as root:\n{asRoot.Stdout}{asRoot.Stderr}");

        var userOutput = Directory.CreateDirectory(Path.Combine(_folder, "as-user")).FullName;
        user.Own(userOutput);
        var asUser = user.RunVbmc(["compile", configuration, "-o", userOutput], userOutput, Environment(cache, userOutput));
        asUser.ExitCode.Should().Be(0, $"vbmc compile as {user.Name}:\n{asUser.Stdout}{asUser.Stderr}");
        asUser.Stderr.Should().Contain("Debian base: cached", "the user builds from root's cached base");

        foreach (var file in new[] { vm.Image.FileName, vm.KernelFileName, vm.InitrdFileName })
        {
            var mine = Path.Combine(userOutput, file);
            File.Exists(mine).Should().BeTrue(file);
            ProcessRunner.Run("cmp", [Path.Combine(rootOutput, file), mine]).ExitCode.Should().Be(0, $"{file} is the same byte for byte");
        }
        Directory.GetFileSystemEntries(Path.Combine(cache, "staging")).Should().BeEmpty("both builds removed their staging folders");
    }

    [Fact]
    public void Without_a_cached_base_or_subordinate_ids_the_user_is_told_what_to_fix()
    {
        var user = OrdinaryUser.Ensure();
        user.RemoveSubordinateIds();
        var configuration = WriteConfiguration();
        var cache = Directory.CreateDirectory(Path.Combine(_folder, "empty-cache")).FullName;
        var output = Directory.CreateDirectory(Path.Combine(_folder, "out")).FullName;
        user.Own(cache);
        user.Own(output);

        var result = user.RunVbmc(["compile", configuration, "-o", output], output, Environment(cache, output));
        var said = result.Stdout + result.Stderr;
        result.ExitCode.Should().Be(2, said);
        said.Should().Contain("[VBM6001]").And.Contain("runs mmdebstrap in a user namespace (--mode=unshare)")
            .And.Contain($"/etc/subuid gives the user {user.Name} no range of 65536 subordinate ids (as root: usermod --add-subuids 100000-165535 {user.Name}")
            .And.Contain($"/etc/subgid gives the user {user.Name} no range")
            .And.Contain("make the base once as root with the same VBMC_CACHE_DIR");
        Directory.GetFiles(Path.Combine(cache, "debian"), "*.tar").Should().BeEmpty("mmdebstrap never ran");
    }

    private string WriteConfiguration()
    {
        var configuration = Path.Combine(_folder, "rootless.scm");
        File.WriteAllText(configuration, Configuration);
        return configuration;
    }

    private static Dictionary<string, string?> Environment(string cache, string home) => new()
    {
        ["VBMC_CACHE_DIR"] = cache,
        ["HOME"] = home,
        ["XDG_CACHE_HOME"] = null,
        ["DOTNET_CLI_HOME"] = home,
    };

    /// <summary>
    /// A cache folder both builds use: the default base of the tests' cache, hard-linked (copied
    /// across file systems) into its debian/ folder, and a staging/ folder the user can write.
    /// </summary>
    private string SharedCache(OrdinaryUser user)
    {
        var archive = CachedDebianBase.Archive;
        var cache = Path.Combine(_folder, "cache");
        var debian = Directory.CreateDirectory(Path.Combine(cache, "debian")).FullName;
        var linked = Path.Combine(debian, Path.GetFileName(archive));
        if (ProcessRunner.Run("ln", [archive, linked]).ExitCode != 0) File.Copy(archive, linked);
        File.Copy(Path.ChangeExtension(archive, ".txt"), Path.ChangeExtension(linked, ".txt"));
        var staging = Directory.CreateDirectory(Path.Combine(cache, "staging")).FullName;
        user.Own(staging);
        return cache;
    }
}
