using Vbmc.Diagnostics;
using Vbmc.Lowering;
using static Vbmc.Compile.Tests.Outputs;

namespace Vbmc.Compile.Tests;

/// <summary>How the output folder is written: staging folder, commit modes, what is ours, conflicts.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly TempParent _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_new_folder_gets_every_file_with_its_bytes_and_mode_and_nothing_is_left_beside_it()
    {
        var result = WriteOk(Request(_temp.Out, Typical()));

        result.Mode.Should().Be(CommitMode.NewFolder);
        foreach (var file in Typical())
        {
            var native = Path.Combine(_temp.Out, file.Path);
            File.ReadAllBytes(native).Should().Equal(file.Artifact.Content);
            ((int)File.GetUnixFileMode(native)).Should().Be(file.Artifact.Mode, file.Path);
        }
        Directory.GetFileSystemEntries(_temp.Root).Should().Equal([_temp.Out], "the staging folder is renamed, not left beside");
    }

    [Fact]
    public void A_rerun_replaces_our_files_removes_the_ones_no_longer_made_and_keeps_the_folder_clean()
    {
        WriteOk(Request(_temp.Out, [.. Typical("v1"), Text("run-b.sh", "#!/bin/sh\n", Artifact.Executable, "b"), Text("nix/machines", "b\n")]));

        var result = WriteOk(Request(_temp.Out, Typical("v2")));

        result.Mode.Should().Be(CommitMode.Swap);
        File.ReadAllText(Path.Combine(_temp.Out, "run-a.sh")).Should().Contain("v2");
        File.Exists(Path.Combine(_temp.Out, "run-b.sh")).Should().BeFalse("run-b.sh was ours and is no longer made");
        Directory.Exists(Path.Combine(_temp.Out, "nix")).Should().BeFalse("a folder that held only our stale files goes with them");
        result.Plan!.Changes.Where(c => c.Action == ChangeAction.Remove).Select(c => c.Path).Should().Equal("nix/machines", "run-b.sh");
        Snapshot.Of(_temp.Out).Keys.Should().Equal(
            "machines.scm", "manifest.json", "run-a.sh", "shepherd/", "shepherd/a.scm", "systemd/", "systemd/a.service");
        Directory.GetFileSystemEntries(_temp.Root).Should().Equal([_temp.Out]);
    }

    [Fact]
    public void A_swap_keeps_the_folders_permissions()
    {
        WriteOk(Request(_temp.Out, Typical("v1")));
        File.SetUnixFileMode(_temp.Out, (UnixFileMode)0b111_101_000);

        WriteOk(Request(_temp.Out, Typical("v2"))).Mode.Should().Be(CommitMode.Swap);

        ((int)File.GetUnixFileMode(_temp.Out)).Should().Be(0b111_101_000);
    }

    [Fact]
    public void Files_that_are_not_ours_are_kept_untouched_on_every_run()
    {
        Directory.CreateDirectory(_temp.Out);
        _temp.Write("out/notes.txt", "mine\n");
        _temp.Write("out/systemd/custom.service", "[Unit]\n", 0b110_000_000);
        _temp.Write("out/empty-folder/.keep", "");
        var before = Snapshot.Of(_temp.Out);

        var first = WriteOk(Request(_temp.Out, Typical("v1")));
        var second = WriteOk(Request(_temp.Out, Typical("v2")));

        first.Mode.Should().Be(CommitMode.FileByFile);
        second.Mode.Should().Be(CommitMode.FileByFile);
        var after = Snapshot.Of(_temp.Out);
        foreach (var (path, state) in before) after[path].Should().Be(state, $"{path} is not ours");
        File.ReadAllText(Path.Combine(_temp.Out, "run-a.sh")).Should().Contain("v2");
        Directory.GetFileSystemEntries(_temp.Root).Should().Equal([_temp.Out], "no staging or kept-aside folder is left");
    }

    [Fact]
    public void A_file_at_one_of_our_paths_that_we_did_not_write_is_a_conflict_and_nothing_is_written()
    {
        Directory.CreateDirectory(_temp.Out);
        _temp.Write("out/systemd/a.service", "someone else's unit\n");
        _temp.Write("out/notes.txt", "mine\n");
        var before = Snapshot.Of(_temp.Root);

        var (result, diagnostics) = Write(Request(_temp.Out, Typical()));

        diagnostics.Should().ContainSingle();
        var conflict = diagnostics[0];
        conflict.Id.Should().Be(DiagnosticIds.OutputFolderConflict);
        conflict.Severity.Should().Be(Severity.Error);
        conflict.Span.File.Should().Be(_temp.Out + "/systemd/a.service");
        conflict.Message.Should().Contain("systemd/a.service").And.Contain("nothing was written");
        result.Mode.Should().BeNull();
        Snapshot.Of(_temp.Root).Should().Equal(before);
    }

    [Theory]
    [InlineData("{}", "not a vbmc manifest")]
    [InlineData("not json at all", "not a vbmc manifest")]
    [InlineData("[1, 2]", "not a vbmc manifest")]
    public void A_manifest_json_that_is_not_ours_is_a_conflict(string content, string reason)
    {
        Directory.CreateDirectory(_temp.Out);
        _temp.Write("out/manifest.json", content);
        var before = Snapshot.Of(_temp.Root);

        var (_, diagnostics) = Write(Request(_temp.Out, Typical()));

        diagnostics.Should().ContainSingle().Which.Message.Should().Contain("manifest.json").And.Contain(reason);
        Snapshot.Of(_temp.Root).Should().Equal(before);
    }

    [Fact]
    public void A_folder_where_a_file_goes_a_file_where_a_folder_goes_and_a_linked_folder_are_conflicts()
    {
        Directory.CreateDirectory(Path.Combine(_temp.Out, "run-a.sh"));
        _temp.Write("out/systemd", "a file\n");
        Directory.CreateDirectory(Path.Combine(_temp.Root, "elsewhere"));
        File.CreateSymbolicLink(Path.Combine(_temp.Out, "shepherd"), Path.Combine(_temp.Root, "elsewhere"));
        var before = Snapshot.Of(_temp.Root);

        var (_, diagnostics) = Write(Request(_temp.Out, Typical()));

        diagnostics.Select(d => (d.Id, Path.GetRelativePath(_temp.Out, d.Span.File))).Should().Equal(
            (DiagnosticIds.OutputFolderConflict, "run-a.sh"),
            (DiagnosticIds.OutputFolderConflict, "shepherd"),
            (DiagnosticIds.OutputFolderConflict, "systemd"));
        diagnostics[1].Message.Should().Contain("symbolic link");
        Snapshot.Of(_temp.Root).Should().Equal(before);
    }

    [Fact]
    public void A_manifest_naming_paths_outside_the_folder_never_makes_them_ours()
    {
        WriteOk(Request(_temp.Out, Typical()));
        var victim = _temp.Write("victim.txt", "do not touch\n");
        var manifestPath = Path.Combine(_temp.Out, "manifest.json");
        var manifest = Manifest.Parse(File.ReadAllText(manifestPath));
        var hostile = manifest with
        {
            Artifacts = [.. manifest.Artifacts,
                new ManifestArtifact("../victim.txt", ArtifactKind.LaunchScript, new string('0', 64), 1, "0644", null),
                new ManifestArtifact("/etc/hostname", ArtifactKind.LaunchScript, new string('0', 64), 1, "0644", null)],
        };
        File.WriteAllText(manifestPath, hostile.ToJson());

        WriteOk(Request(_temp.Out, Typical("v2")));

        File.ReadAllText(victim).Should().Be("do not touch\n");
    }

    [Fact]
    public void A_symbolic_link_to_a_folder_is_written_through_and_stays_a_link()
    {
        var target = Path.Combine(_temp.Root, "real");
        Directory.CreateDirectory(target);
        File.CreateSymbolicLink(_temp.Out, target);

        WriteOk(Request(_temp.Out, Typical("v1"))).Mode.Should().Be(CommitMode.FileByFile);
        WriteOk(Request(_temp.Out, Typical("v2"))).Mode.Should().Be(CommitMode.FileByFile);

        new FileInfo(_temp.Out).LinkTarget.Should().Be(target);
        File.ReadAllText(Path.Combine(target, "run-a.sh")).Should().Contain("v2");
    }

    [Fact]
    public void A_trailing_slash_names_the_same_folder()
    {
        WriteOk(Request(_temp.Out + "/", Typical("v1"))).Mode.Should().Be(CommitMode.NewFolder);
        WriteOk(Request(_temp.Out + "/", Typical("v2"))).Mode.Should().Be(CommitMode.Swap);

        File.ReadAllText(Path.Combine(_temp.Out, "run-a.sh")).Should().Contain("v2");
        Directory.GetFileSystemEntries(_temp.Root).Should().Equal([_temp.Out]);
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_an_io_error()
    {
        _temp.Write("out", "a file\n");

        var (_, diagnostics) = Write(Request(_temp.Out, Typical()));

        diagnostics.Should().ContainSingle().Which.Id.Should().Be(DiagnosticIds.IoError);
        File.ReadAllText(_temp.Out).Should().Be("a file\n");
    }

    [Fact]
    public void The_folder_is_staged_inside_the_output_folder_when_its_parent_cannot_be_written()
    {
        var chattr = Vbmc.TestSupport.HostTools.Require("chattr", "e2fsprogs");
        Directory.CreateDirectory(_temp.Out);
        _temp.Write("out/notes.txt", "mine\n");
        // An immutable parent refuses new entries even to root (the tests may run as root).
        Run(chattr, "+i", _temp.Root);
        try
        {
            WriteOk(Request(_temp.Out, Typical("v1"))).Mode.Should().Be(CommitMode.FileByFile);
            WriteOk(Request(_temp.Out, Typical("v2"))).Mode.Should().Be(CommitMode.FileByFile);
        }
        finally
        {
            Run(chattr, "-i", _temp.Root);
        }
        Snapshot.Of(_temp.Out).Keys.Should().Equal("machines.scm", "manifest.json", "notes.txt", "run-a.sh", "shepherd/", "shepherd/a.scm",
            "systemd/", "systemd/a.service");
        File.ReadAllText(Path.Combine(_temp.Out, "run-a.sh")).Should().Contain("v2");
    }

    private static void Run(string program, params string[] arguments)
    {
        var run = Vbmc.TestSupport.ProcessRunner.Run(program, arguments);
        run.ExitCode.Should().Be(0, $"{program} {string.Join(' ', arguments)}: {run.Stderr}");
    }
}
