using System.Runtime.InteropServices;

namespace Vbmc.Processes;

/// <summary>
/// Replaces vbmc by another program (execv(2)), as `mkosi ssh` and `exec` in a shell do: for an
/// interactive program (`vbmc ssh`, `vbmc logs -f` under systemd) that owns the terminal from
/// then on, whose exit status is the command's, and whose lifetime is the user's to decide (so it
/// has no time limit, unlike every program <see cref="ProgramRunner"/> runs and waits for).
/// </summary>
/// <remarks>
/// The program keeps vbmc's environment and open terminal; .NET opens its own files close-on-exec.
/// Nothing after a successful call runs. Only the real program may call it: a test host calling
/// it in-process would be replaced.
/// </remarks>
public static partial class ProgramExec
{
    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ExecvNative(string path, IntPtr[] argv);

    /// <summary>
    /// Runs <paramref name="program"/> (a bare name is looked up as <see cref="ProgramSearch"/>
    /// does) in place of vbmc. Returns only on failure: a <see cref="ProgramMissingException"/>
    /// when the name is found nowhere, an <see cref="IOException"/> when execv fails.
    /// </summary>
    public static void Replace(HostProgram program, IReadOnlyList<string> arguments)
    {
        var executable = program.Locate() ?? throw new ProgramMissingException(program.Name, program.DebianPackage);
        Console.Out.Flush();
        Console.Error.Flush();
        var argv = new IntPtr[arguments.Count + 2];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8(program.Name);
            for (var i = 0; i < arguments.Count; i++) argv[i + 1] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            argv[^1] = IntPtr.Zero;
            ExecvNative(executable, argv);
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot run {executable}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        finally
        {
            foreach (var pointer in argv) if (pointer != IntPtr.Zero) Marshal.FreeCoTaskMem(pointer);
        }
    }
}
