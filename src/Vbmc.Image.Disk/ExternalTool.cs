using System.Diagnostics;

namespace Vbmc.Image.Disk;

/// <summary>The outcome of one run of a host program.</summary>
public sealed record ToolResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Standard error, or standard output when it is empty, trimmed for a diagnostic.</summary>
    public string Explanation => (Stderr.Trim().Length > 0 ? Stderr : Stdout).Trim();
}

/// <summary>
/// A host program the assembler runs (mke2fs, debugfs, dumpe2fs, qemu-img), found on PATH or in
/// the sbin folders that a non-root user's PATH often lacks.
/// </summary>
public sealed record ExternalTool(string Program, string DebianPackage)
{
    public static readonly ExternalTool Mke2fs = new("mke2fs", "e2fsprogs");
    public static readonly ExternalTool Debugfs = new("debugfs", "e2fsprogs");
    public static readonly ExternalTool Dumpe2fs = new("dumpe2fs", "e2fsprogs");
    public static readonly ExternalTool QemuImg = new("qemu-img", "qemu-utils");

    private static readonly string[] SbinFolders = ["/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin"];

    /// <summary>Where programs are looked for: PATH, then the usual sbin and bin folders.</summary>
    public static IReadOnlyList<string> DefaultSearchFolders =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(SbinFolders)
            .ToList();

    /// <summary>The program's full path in the first of <paramref name="folders"/> that has it, or null.</summary>
    public string? Locate(IEnumerable<string> folders) =>
        folders.Select(folder => Path.Combine(folder, Program)).FirstOrDefault(File.Exists);

    /// <summary>
    /// Runs the program in <paramref name="workingDirectory"/> with a fixed locale and without the
    /// e2fsprogs variables of the caller's environment (they change what mke2fs writes), plus
    /// <paramref name="environment"/>. Arguments go to the program as they are: no shell.
    /// </summary>
    public static ToolResult Run(string executable, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MKE2FS_", StringComparison.Ordinal) || key.StartsWith("E2FSPROGS_", StringComparison.Ordinal)
                || key.StartsWith("DEBUGFS_", StringComparison.Ordinal))
                start.Environment.Remove(key);
        }
        // C collation: mke2fs -d adds each folder's entries in alphasort order, which follows the locale.
        start.Environment["LC_ALL"] = "C";
        start.Environment["LANG"] = "C";
        if (environment is not null)
        {
            foreach (var (key, value) in environment) start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + executable);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
