using Vbmc.Host.Apply.Tests.Support;

namespace Vbmc.Host.Apply.Tests;

/// <summary>Folders that cannot be applied: a located diagnostic, the documented exit code, nothing changed.</summary>
[Collection(CompiledCollection.Name)]
public sealed class BadInputTests : IDisposable
{
    private readonly TestRoot _t = new();

    public void Dispose() => _t.Dispose();

    private (int Exit, string Err) Apply(string folder)
    {
        var result = Run.Cli("apply", folder, "--root", _t.Root);
        Directory.EnumerateFileSystemEntries(_t.Root).Should().BeEmpty("nothing may change: " + result.Err);
        return (result.Exit, result.Err);
    }

    [Fact]
    public void A_missing_folder_is_an_io_error()
    {
        var missing = Path.Combine(_t.Work, "nowhere");
        var (exit, err) = Apply(missing);
        exit.Should().Be(2);
        err.Should().Contain(missing + ": error: no such folder [VBM9002]");
    }

    [Fact]
    public void A_folder_without_manifest_is_an_io_error()
    {
        var folder = Compiled.CopyOf(Compiled.FirstFolder, Path.Combine(_t.Work, "copy"));
        File.Delete(Path.Combine(folder, "manifest.json"));
        var (exit, err) = Apply(folder);
        exit.Should().Be(2);
        err.Should().Contain(Path.Combine(folder, "manifest.json") + ": error: cannot read the manifest").And.Contain("[VBM9002]");
    }

    [Fact]
    public void A_malformed_manifest_is_refused()
    {
        var folder = Compiled.CopyOf(Compiled.FirstFolder, Path.Combine(_t.Work, "copy"));
        File.WriteAllText(Path.Combine(folder, "manifest.json"), "{\"schema\": 1, \"vbmc\": ");
        var (exit, err) = Apply(folder);
        exit.Should().Be(2, "a manifest compile did not write is an input problem, not a configuration error");
        err.Should().Contain("manifest.json: error: not a vbmc manifest").And.Contain("[VBM7001]");
    }

    [Fact]
    public void A_tampered_artifact_is_refused_before_anything_changes()
    {
        var folder = Compiled.CopyOf(Compiled.FirstFolder, Path.Combine(_t.Work, "copy"));
        var script = Path.Combine(folder, "run-alpha.sh");
        var bytes = File.ReadAllBytes(script);
        bytes[^2] ^= 1; // same size, other bytes
        File.WriteAllBytes(script, bytes);
        var (exit, err) = Apply(folder);
        exit.Should().Be(2, "a manifest compile did not write is an input problem, not a configuration error");
        err.Should().Contain(script + ": error: sha256 ").And.Contain("differs from the manifest's").And.Contain("[VBM7001]");
    }

    [Fact]
    public void A_half_copied_folder_is_refused()
    {
        var folder = Compiled.CopyOf(Compiled.FirstFolder, Path.Combine(_t.Work, "copy"));
        File.Delete(Path.Combine(folder, "systemd/alpha.service"));
        var unit = Path.Combine(folder, "sysusers.d/vbmc-alpha.conf");
        File.WriteAllText(unit, File.ReadAllText(unit)[..10]);
        var (exit, err) = Apply(folder);
        exit.Should().Be(2, "a manifest compile did not write is an input problem, not a configuration error");
        err.Should().Contain(Path.Combine(folder, "systemd/alpha.service") + ": error: listed in manifest.json but missing")
            .And.Contain(unit + ": error: size 10 differs from the manifest's");
    }

    [Fact]
    public void A_manifest_naming_paths_outside_the_layout_is_refused()
    {
        var folder = Compiled.CopyOf(Compiled.FirstFolder, Path.Combine(_t.Work, "copy"));
        var manifestPath = Path.Combine(folder, "manifest.json");
        var text = File.ReadAllText(manifestPath);
        File.WriteAllText(manifestPath, text.Replace("\"path\": \"run-alpha.sh\"", "\"path\": \"../../etc/shadow\""));
        var (exit, err) = Apply(folder);
        exit.Should().Be(2, "a manifest compile did not write is an input problem, not a configuration error");
        err.Should().Contain("unexpected artifact '../../etc/shadow'").And.Contain("[VBM7001]");
    }

    [Theory]
    [InlineData("\"name\": \"vbmc-alpha.service\"", "\"name\": \"ssh.service\"", "manifest intents: a unit that is not a VM's ('ssh.service')")]
    [InlineData("\"path\": \"/var/lib/vbmc/alpha/run\"", "\"path\": \"/root/.ssh\"", "manifest intents: a folder outside vbmc's ('/root/.ssh')")]
    [InlineData("\"hostKeyOf\": \"alpha\"", "\"hostKeyOf\": \"other\"", "manifest intents: a nix/machines line that is not eight fields")]
    [InlineData("\"name\": \"build-vm-alpha\"", "\"name\": \"root\"", "manifest intents: an account that is not a VM's ('root')")]
    [InlineData("\"guestHostKey\": \"/etc/vbmc/alpha/ssh_host_ed25519_key\"", "\"guestHostKey\": \"/etc/shadow\"", "keys outside its folder")]
    [InlineData("\"offloadKey\": \"/etc/vbmc/alpha/offload_ed25519\"", "\"offloadKey\": \"/etc/vbmc/alpha/../beta/offload_ed25519\"", "keys outside its folder")]
    [InlineData("\"guestHostKeyOwner\": \"build-vm-alpha\"", "\"guestHostKeyOwner\": \"sshd\"", "an owner vbmc does not give them")]
    public void A_manifest_whose_intents_or_keys_reach_beyond_its_vms_is_refused(string from, string to, string message)
    {
        // apply acts on the intents (it enables units, fills host keys, checks accounts and
        // folders from them) and makes keys where the manifest says: a hand-edited manifest must
        // not point them elsewhere.
        var folder = Compiled.CopyOf(Compiled.FirstFolder, Path.Combine(_t.Work, $"intents-{Guid.NewGuid():N}"));
        var manifest = Path.Combine(folder, "manifest.json");
        var text = File.ReadAllText(manifest);
        text.Should().Contain(from);
        File.WriteAllText(manifest, text.Replace(from, to));
        var (exit, err) = Apply(folder);
        exit.Should().Be(2, "a manifest compile did not write is an input problem, not a configuration error");
        err.Should().Contain(message).And.Contain("[VBM7001]");
        File.Exists(_t.At("/etc/shadow")).Should().BeFalse();
    }

    [Fact]
    public void A_manifest_of_schema_1_without_intents_asks_for_a_new_compile()
    {
        var folder = Compiled.CopyOf(Compiled.FirstFolder, Path.Combine(_t.Work, $"schema1-{Guid.NewGuid():N}"));
        var manifest = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"schema\": 2,", "\"schema\": 1,"));
        var (exit, err) = Apply(folder);
        exit.Should().Be(2, "a manifest compile did not write is an input problem, not a configuration error");
        err.Should().Contain("unsupported: manifest schema 1 (this vbmc reads schema 2)").And.Contain("compile the configuration again");
    }

    [Fact]
    public void A_VM_named_current_would_collide_with_vbmcs_own_folders()
    {
        // `check` (and so compile) refuses the name; apply keeps its own guard for folders made
        // another way: a compiled folder whose manifest names its VM 'current'.
        var refused = () => Compiled.Compile(Compiled.First.Replace("'alpha", "'current"), "current.scm", $"current-{Guid.NewGuid():N}");
        refused.Should().Throw<InvalidOperationException>().WithMessage("*name 'current' is reserved*");

        var folder = Compiled.CopyOf(Compiled.FirstFolder, Path.Combine(_t.Work, $"renamed-{Guid.NewGuid():N}"));
        var manifest = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"name\": \"alpha\"", "\"name\": \"current\""));
        var (exit, err) = Apply(folder);
        exit.Should().Be(2, "a manifest compile did not write is an input problem, not a configuration error");
        err.Should().Contain("a VM named 'current' would share its folders with vbmc's own").And.Contain("[VBM7002]");
    }

    [Fact]
    public void A_missing_root_is_an_io_error()
    {
        var result = Run.Cli("apply", Compiled.FirstFolder, "--root", Path.Combine(_t.Work, "no-root"));
        result.Exit.Should().Be(2);
        result.Err.Should().Contain("the root folder does not exist");
    }
}
