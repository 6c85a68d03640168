using Vbmc.Diagnostics;

namespace Vbmc.Cli;

/// <summary>
/// Checks that an input file can be read before it is handed to the library, so that a missing
/// or unreadable file is an I/O diagnostic (exit 2) rather than a configuration error.
/// </summary>
public static class InputFiles
{
    public static Diagnostic? Problem(string path)
    {
        try
        {
            if (Directory.Exists(path)) return Io(path, "cannot read file: Is a directory");
            if (!File.Exists(path)) return Io(path, "cannot open file: No such file or directory");
            using var stream = File.OpenRead(path);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return Io(path, "cannot open file: Permission denied");
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            return Io(path, "cannot open file: " + e.Message);
        }
    }

    /// <summary>
    /// System.CommandLine takes an unknown option such as `--bogus` for a file argument; a
    /// "file" that starts with '-' and does not exist is reported as the usage error it is.
    /// </summary>
    public static Diagnostic? UnknownOption(string argument) =>
        argument.Length > 1 && argument[0] == '-' && !File.Exists(argument) && !Directory.Exists(argument)
            ? Diagnostic.Error(DiagnosticIds.UsageError, SourceSpan.FileOnly("vbmc"),
                $"Unrecognized command or argument '{argument}'.", "see 'vbmc --help'")
            : null;

    private static Diagnostic Io(string path, string message) =>
        Diagnostic.Error(DiagnosticIds.IoError, SourceSpan.FileOnly(path), message);
}
