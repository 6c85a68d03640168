namespace Vbmc.Processes;

/// <summary>
/// Runs host programs: the only code in vbmc that starts a process. Every run has a time limit
/// (<see cref="ProgramRequest.Timeout"/>) and a fixed locale; at the limit, and when the caller
/// cancels, the program is killed with its process tree, as it is when vbmc itself is interrupted
/// or exits (<see cref="ChildRegistry"/>). Output is kept whole or streamed line by line.
/// </summary>
public static class ProgramRunner
{
    /// <summary>
    /// Runs the program to its end or its time limit. Throws <see cref="OperationCanceledException"/>
    /// when <paramref name="cancel"/> fires (the program is killed first),
    /// <see cref="ProgramMissingException"/> for a bare name found nowhere and
    /// <see cref="System.ComponentModel.Win32Exception"/> for a file that cannot be executed.
    /// </summary>
    public static async Task<ProgramResult> RunAsync(ProgramRequest request, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancel.ThrowIfCancellationRequested();
        using var child = Child.Launch(request);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(request.Timeout);
        try
        {
            await child.Process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            // The output ends when its last writer closes it: the program itself, at its exit.
            await child.Drained.WaitAsync(limit.Token).ConfigureAwait(false);
            return child.Result(timedOut: false);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            child.KillTree();
            await child.SettleAfterKillAsync().ConfigureAwait(false);
            if (cancel.IsCancellationRequested) throw new OperationCanceledException($"{child.Program} was stopped: cancelled", cancel);
            return child.Result(timedOut: true);
        }
    }

    /// <summary>The same as <see cref="RunAsync"/>, waiting for it.</summary>
    public static ProgramResult Run(ProgramRequest request, CancellationToken cancel = default) =>
        RunAsync(request, cancel).GetAwaiter().GetResult();

    /// <summary>
    /// Starts a program that runs until its caller stops it (an <c>ssh -N -L</c> forward). The
    /// caller owns it: disposing it kills the program with its tree. It is killed at its time
    /// limit too, and when vbmc is interrupted or exits.
    /// </summary>
    public static StartedProgram Start(ProgramRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new StartedProgram(Child.Launch(request), request.Timeout);
    }
}
