using Vbmc.Emitters.Shell;
using Vbmc.Lowering;
using Vbmc.TestSupport;

namespace Vbmc.Emitters.Shell.Tests;

/// <summary>
/// A temporary folder holding a VM's generated run-NAME.sh (mode 0755), as the compile folder
/// would; deleted on dispose. <see cref="Hostile"/> gives the folder a name with every character
/// that breaks naive scripts.
/// </summary>
public sealed class ScriptFolder : IDisposable
{
    /// <summary>Space, both quotes, $, %, backslash, comma, a newline, a glob star and a leading dash.</summary>
    public const string HostileName = "-x a'b\"c $HOME %s\\n,d\ne*";

    public string Root { get; }
    public string Path { get; }
    public VmPlan Vm { get; }
    public string Script => System.IO.Path.Combine(Path, Vm.ScriptFileName);

    private ScriptFolder(VmPlan vm, bool hostile)
    {
        Vm = vm;
        Root = Directory.CreateTempSubdirectory("vbmc-shell-").FullName;
        Path = hostile ? System.IO.Path.Combine(Root, HostileName) : Root;
        Directory.CreateDirectory(Path);
        var artifact = LaunchScriptEmitter.Emit(vm);
        System.IO.File.WriteAllBytes(Script, artifact.Content);
        System.IO.File.SetUnixFileMode(Script, (UnixFileMode)artifact.Mode);
    }

    public static ScriptFolder Plain(VmPlan vm) => new(vm, hostile: false);

    public static ScriptFolder Hostile(VmPlan vm) => new(vm, hostile: true);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>An empty qcow2 image made by the real qemu-img, under the plan's image name.</summary>
    public void CreateImage()
    {
        var qemuImg = HostTools.Require("qemu-img", "qemu-utils");
        var result = ProcessRunner.Run(qemuImg, ["create", "-q", "-f", "qcow2", File(Vm.Image.FileName), "64M"]);
        result.ExitCode.Should().Be(0, "qemu-img create must work: {0}", result.Stderr);
    }

    /// <summary>Runs the script itself (its #!/bin/sh line), as a unit or a user does.</summary>
    public ProcessResult Run(params string[] arguments) =>
        ProcessRunner.Run(Script, arguments, workingDirectory: Root, timeout: TimeSpan.FromMinutes(1));

    /// <summary>The argv from --print-command --print0 with the given options (the exit status must be 0).</summary>
    public IReadOnlyList<string> PrintedCommand(params string[] options)
    {
        var result = Run(["--print0", .. options]);
        result.ExitCode.Should().Be(0, "--print0 must work: {0}", result.Stderr);
        result.Stdout.Should().EndWith("\0");
        return result.Stdout[..^1].Split('\0');
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
