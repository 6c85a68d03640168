namespace Vbmc.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output (the library API behind it is the real one).</summary>
public static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(string workingDirectory, bool color, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = CliApp.Run(args, new CliEnvironment(stdout, stderr, color, workingDirectory));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static (int Exit, string Out, string Err) Run(params string[] args) =>
        Run(Directory.GetCurrentDirectory(), false, args);
}

/// <summary>A temporary folder with configuration files, removed after the test.</summary>
public sealed class TempConfigs : IDisposable
{
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), $"vbmc-cli-{Guid.NewGuid():N}");

    public TempConfigs() => Directory.CreateDirectory(Dir);

    public string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Dir)) Directory.Delete(Dir, recursive: true);
    }
}
