using System.Security.Cryptography;
using Vbmc.Lowering;
using static Vbmc.Compile.Tests.Outputs;

namespace Vbmc.Compile.Tests;

/// <summary>manifest.json against the disk, and the dry run against the real run that follows it.</summary>
public sealed class ManifestAndDryRunTests : IDisposable
{
    private readonly TempParent _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A producer of the tests' own making: writes a "disk image" of 3 MiB straight into the staging folder.</summary>
    private static IReadOnlyList<ProducedFile> FakeImage(string staging)
    {
        var bytes = new byte[3 << 20];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(staging, "a.qcow2"), bytes);
        return [new ProducedFile(new FileArtifact("a.qcow2", ArtifactKind.DiskImage), "a")];
    }

    [Fact]
    public void The_manifest_lists_every_file_but_itself_with_the_sha256_size_and_mode_on_disk()
    {
        var files = new List<OutputFile>(Typical()) { Text("accounts/a.json", "{\"name\": \"$x %y \\\\ \\\"q\\\"\\n\"}\n") };
        WriteOk(Request(_temp.Out, files, producer: (staging, _) => FakeImage(staging)));

        var text = File.ReadAllText(Path.Combine(_temp.Out, "manifest.json"));
        var manifest = Manifest.Parse(text);
        var onDisk = Directory.GetFiles(_temp.Out, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_temp.Out, f)).Where(p => p != "manifest.json").Order(StringComparer.Ordinal).ToList();

        manifest.Artifacts.Select(a => a.Path).Should().Equal(onDisk, "every file, sorted by path (ordinal)");
        foreach (var artifact in manifest.Artifacts)
        {
            var native = Path.Combine(_temp.Out, artifact.Path);
            artifact.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(native))), artifact.Path);
            artifact.Size.Should().Be(new FileInfo(native).Length, artifact.Path);
            artifact.Mode.Should().Be("0" + Convert.ToString((int)File.GetUnixFileMode(native), 8), artifact.Path);
        }
        manifest.Artifacts.Single(a => a.Path == "run-a.sh").Mode.Should().Be("0755");
        manifest.Artifacts.Single(a => a.Path == "machines.scm").Should().Match<ManifestArtifact>(a => a.Mode == "0644" && a.Vm == null);
        manifest.Artifacts.Single(a => a.Path == "a.qcow2").Should().Match<ManifestArtifact>(a => a.Kind == ArtifactKind.DiskImage && a.Vm == "a");
        manifest.Vbmc.Should().Be("0.0.0-test");
        text.Should().NotContain(_temp.Root, "no absolute path").And.NotContain(Path.GetTempPath());
        text.Should().Be(manifest.ToJson(), "the file is the contract's own serialisation");
    }

    [Fact]
    public void Two_writes_of_the_same_artifacts_give_byte_identical_folders()
    {
        var other = Path.Combine(_temp.Root, "other");
        WriteOk(Request(_temp.Out, Typical(), producer: (staging, _) => FakeImage(staging)));
        WriteOk(Request(other, Typical(), producer: (staging, _) => FakeImage(staging)));

        Snapshot.Describe(Snapshot.Of(other)).Should().Be(Snapshot.Describe(Snapshot.Of(_temp.Out)));
    }

    [Fact]
    public void A_dry_run_writes_nothing_and_lists_exactly_what_the_real_run_then_writes()
    {
        // Start from a previous compile with a stale file, a changed file and someone else's file.
        WriteOk(Request(_temp.Out, [.. Typical("v1"), Text("run-old.sh", "old\n", Artifact.Executable, "old")]));
        _temp.Write("out/notes.txt", "mine\n");
        var next = new List<OutputFile>(Typical("v1"))
        {
            Text("nix/machines", "new\n", vm: null),
        };
        next[0] = Text("run-a.sh", "#!/bin/sh\n# changed\n", Artifact.Executable);
        var before = Snapshot.Of(_temp.Root);

        var dry = WriteOk(Request(_temp.Out, next, dryRun: true));

        Snapshot.Of(_temp.Root).Should().Equal(before, "a dry run writes nothing");
        dry.Mode.Should().BeNull();
        var listed = dry.Plan!.Changes;
        listed.Select(c => (c.Path, c.Action)).Should().Equal(
            ("machines.scm", ChangeAction.Unchanged),
            ("manifest.json", ChangeAction.Replace),
            ("nix/machines", ChangeAction.Create),
            ("run-a.sh", ChangeAction.Replace),
            ("run-old.sh", ChangeAction.Remove),
            ("shepherd/a.scm", ChangeAction.Unchanged),
            ("systemd/a.service", ChangeAction.Unchanged));

        var real = WriteOk(Request(_temp.Out, next));

        real.Plan!.Changes.Should().Equal(listed, "the real run makes the changes the dry run listed");
        var written = Snapshot.Of(_temp.Out).Where(p => p.Value.StartsWith("file", StringComparison.Ordinal)).Select(p => p.Key)
            .Where(p => p != "notes.txt").ToList();
        written.Should().Equal(listed.Where(c => c.Action != ChangeAction.Remove).Select(c => c.Path));
        foreach (var change in listed.Where(c => c.Action != ChangeAction.Remove))
            new FileInfo(Path.Combine(_temp.Out, change.Path)).Length.Should().Be(change.Size, change.Path);
        File.Exists(Path.Combine(_temp.Out, "run-old.sh")).Should().BeFalse();
        File.ReadAllText(Path.Combine(_temp.Out, "notes.txt")).Should().Be("mine\n");
    }

    [Fact]
    public void A_dry_run_into_a_missing_folder_creates_nothing_and_the_listing_format_is_stable()
    {
        var dry = WriteOk(Request(_temp.Out, Typical(), dryRun: true, producer: (staging, _) => FakeImage(staging)) with
        {
            ExpectedProduced = [new PlannedFile("a.qcow2", null, Artifact.Regular)],
        });

        Directory.Exists(_temp.Out).Should().BeFalse();
        Directory.GetFileSystemEntries(_temp.Root).Should().BeEmpty("not even a staging folder");
        var lines = ChangeListing.Format(dry.Plan!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(6);
        lines[0].Should().Be("create               -  a.qcow2", "an image's size is known only once it is built");
        lines.Should().Contain(l => l.StartsWith("create ", StringComparison.Ordinal) && l.EndsWith("  run-a.sh", StringComparison.Ordinal));
        lines.Single(l => l.EndsWith("manifest.json", StringComparison.Ordinal)).Should().Contain(" - ");
        ChangeListing.Counts(dry.Plan!).Should().Be("6 create");
    }

    [Fact]
    public void A_dry_run_reports_the_conflicts_a_real_run_would_meet()
    {
        Directory.CreateDirectory(_temp.Out);
        _temp.Write("out/run-a.sh", "someone else's\n");

        var (dry, diagnostics) = Write(Request(_temp.Out, Typical(), dryRun: true));

        diagnostics.Should().ContainSingle().Which.Id.Should().Be(Vbmc.Diagnostics.DiagnosticIds.OutputFolderConflict);
        dry.Plan!.Conflicts.Should().ContainSingle().Which.Path.Should().Be("run-a.sh");
    }
}
