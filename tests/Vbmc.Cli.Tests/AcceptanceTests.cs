using Vbmc.TestSupport;
using Xunit.Abstractions;

namespace Vbmc.Cli.Tests;

/// <summary>
/// Runs every acceptance file (tests/acceptance and the folders of VBMC_ACCEPTANCE_DIRS: see
/// <see cref="AcceptanceCatalog"/>) through the real `vbmc` program (`check --format json`) and
/// compares the result with the file's header lines.
/// </summary>
public class AcceptanceTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(AcceptanceCatalog.Required), MemberType = typeof(AcceptanceCatalog))]
    public void Required_file_checks_as_its_header_says(string name) => CheckFile(name);

    /// <summary>Files of stages still being built (a fact, so an empty list is no error).</summary>
    [Fact]
    [Trait("Category", AcceptanceCatalog.PendingTrait)]
    public void Pending_files_check_as_their_headers_say()
    {
        foreach (var name in AcceptanceCatalog.PendingFiles.Order(StringComparer.Ordinal)) CheckFile(name);
    }

    /// <summary>
    /// Every expect-qemu line holds in the launch script `vbmc compile` writes. The lines are
    /// about the QEMU command, so the compile runs with --no-image (the script names the image
    /// either way; the image builder has its own tests).
    /// </summary>
    [Theory]
    [MemberData(nameof(AcceptanceCatalog.WithQemuExpectations), MemberType = typeof(AcceptanceCatalog))]
    public void Qemu_arguments_appear_in_the_launch_command(string name)
    {
        var file = AcceptanceCatalog.Load(name);
        var outDir = Path.Combine(Path.GetTempPath(), $"vbmc-accept-{Guid.NewGuid():N}");
        try
        {
            var path = AcceptanceCatalog.PathOf(name);
            var run = VbmcCli.Run(["compile", Path.GetFileName(path), "-o", outDir, "--no-image"], Path.GetDirectoryName(path));
            run.ExitCode.Should().Be(0, "vbmc compile must succeed on {0}:\n{1}{2}", name, run.Stdout, run.Stderr);
            foreach (var expected in file.Qemu)
            {
                var script = Path.Combine(outDir, $"run-{expected.VmName}.sh");
                File.Exists(script).Should().BeTrue($"compile must write the launch script {script}");
                var words = LaunchScriptWords.Of(File.ReadAllText(script));
                LaunchScriptWords.ContainsAdjacent(words, expected.Arguments)
                    .Should().BeTrue($"{expected} (header line {expected.HeaderLine}) must appear in {script}:\n{string.Join(' ', words)}");
            }
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    /// <summary>
    /// The project's folder and every folder of VBMC_ACCEPTANCE_DIRS must exist and hold
    /// configurations: a folder that is named but missing or empty fails here rather than
    /// running nothing. Prints which folders run and how many files each has.
    /// </summary>
    [Fact]
    public void Every_acceptance_folder_exists_and_holds_configurations()
    {
        var folders = AcceptanceCatalog.Folders();
        var variable = Environment.GetEnvironmentVariable(AcceptanceCatalog.ExtraFoldersVariable);
        output.WriteLine($"{AcceptanceCatalog.ExtraFoldersVariable}={variable ?? "(unset)"}");
        foreach (var folder in folders)
            output.WriteLine($"acceptance folder {folder.Label} ({folder.FullPath}): "
                             + (folder.Exists ? $"{folder.FileNames.Count} files" : "does not exist"));

        folders[0].Label.Should().Be(AcceptanceCatalog.OwnFolderLabel);
        foreach (var folder in folders)
        {
            folder.Exists.Should().BeTrue($"acceptance folder {folder.Label} ({folder.FullPath}) must exist");
            folder.FileNames.Should().NotBeEmpty($"acceptance folder {folder.Label} ({folder.FullPath}) must hold *.scm files");
        }
        AcceptanceCatalog.AllFiles.Should().HaveCount(folders.Sum(f => f.FileNames.Count));
    }

    [Fact]
    public void The_variable_adds_folders_after_the_projects_own_and_names_them_as_written()
    {
        AcceptanceCatalog.Folders(null).Select(f => f.Label).Should().Equal("tests/acceptance");
        AcceptanceCatalog.Folders("").Select(f => f.Label).Should().Equal("tests/acceptance");

        var folders = AcceptanceCatalog.Folders("../elsewhere/acceptance/:/no/such/folder::tests/acceptance");
        folders.Select(f => f.Label).Should().Equal("tests/acceptance", "../elsewhere/acceptance", "/no/such/folder");
        folders[1].FullPath.Should().Be(Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "elsewhere", "acceptance")),
            "a relative folder is taken from the repository's top folder");
        folders[2].Exists.Should().BeFalse("a missing folder is kept, so that the folder test fails on it");
        folders[2].FileNames.Should().BeEmpty();
    }

    [Fact]
    public void Pending_list_names_only_existing_acceptance_files()
    {
        AcceptanceCatalog.PendingFiles.Except(AcceptanceCatalog.AllFiles)
            .Should().BeEmpty("a pending file that no longer exists should be removed from the list");
    }

    [Fact]
    public void Every_acceptance_file_has_a_parsable_header_with_an_outcome()
    {
        var files = AcceptanceCatalog.AllFiles;
        files.Should().NotBeEmpty();
        foreach (var name in files)
        {
            var file = AcceptanceCatalog.Load(name);
            (file.ExpectOk || file.Errors.Count > 0 || file.Warnings.Count > 0)
                .Should().BeTrue($"{name} must say what to expect");
            if (file.Qemu.Count > 0)
                output.WriteLine($"{name}: {file.Qemu.Count} expect-qemu line(s), checked by Qemu_arguments_appear_in_the_launch_command");
        }
    }

    private void CheckFile(string name)
    {
        var file = AcceptanceCatalog.Load(name);
        var path = AcceptanceCatalog.PathOf(name);
        var run = VbmcCli.Run(["check", "--format", "json", Path.GetFileName(path)], Path.GetDirectoryName(path));
        output.WriteLine($"vbmc under test: {VbmcCli.Description}");
        output.WriteLine($"exit {run.ExitCode}\n{run.Stdout}\n{run.Stderr}");
        if (file.Qemu.Count > 0)
            output.WriteLine($"not checked here: {file.Qemu.Count} expect-qemu line(s) (see Qemu_arguments_appear_in_the_launch_command)");

        run.ExitCode.Should().NotBe(2, "vbmc must read {0} and run without usage, I/O or internal errors:\n{1}", name, run.Stderr);
        var reported = ReportedDiagnostic.ParseJson(run.Stdout);
        var problems = AcceptanceVerdict.Problems(file, reported);
        problems.Should().BeEmpty("vbmc reported:\n  {0}", string.Join("\n  ", reported));
        run.ExitCode.Should().Be(file.Errors.Count > 0 ? 1 : 0);
    }
}
