using System.Diagnostics;

namespace Vbmc.Image;

/// <summary>The outcome of one run of a host program: its exit code and the last lines it printed.</summary>
internal sealed record ProgramResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// The host programs the image build runs (mmdebstrap, tar, cp, chown), found on PATH or in the
/// sbin folders a non-root PATH lacks. Arguments go to the program as they are, never through a shell.
/// </summary>
internal sealed record HostProgram(string Program, string DebianPackage)
{
    public static readonly HostProgram Mmdebstrap = new("mmdebstrap", "mmdebstrap");
    public static readonly HostProgram Tar = new("tar", "tar");
    public static readonly HostProgram Copy = new("cp", "coreutils");
    public static readonly HostProgram Chown = new("chown", "coreutils");

    /// <summary>Lines of output kept for a diagnostic when the program fails.</summary>
    private const int TailLines = 15;

    /// <summary>The program's full path, searched where the disk assembler searches its tools.</summary>
    public string? Locate() =>
        new Vbmc.Image.Disk.ExternalTool(Program, DebianPackage).Locate(Vbmc.Image.Disk.ExternalTool.DefaultSearchFolders);

    /// <summary>
    /// Runs the program to its end. Each line it prints (standard output and error) goes to
    /// <paramref name="onLine"/>; the result keeps the last lines, for a diagnostic.
    /// </summary>
    public static ProgramResult Run(string executable, IEnumerable<string> arguments, Action<string>? onLine = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "C.UTF-8";
        if (environment is not null)
        {
            foreach (var (key, value) in environment) start.Environment[key] = value;
        }
        var tail = new Queue<string>();
        var gate = new object();
        void Received(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not { } line) return;
            lock (gate)
            {
                tail.Enqueue(line);
                if (tail.Count > TailLines) tail.Dequeue();
                onLine?.Invoke(line);
            }
        }
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Received;
        process.ErrorDataReceived += Received;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (gate) return new ProgramResult(process.ExitCode, string.Join('\n', tail));
    }
}
