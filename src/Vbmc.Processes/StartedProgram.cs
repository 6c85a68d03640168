namespace Vbmc.Processes;

/// <summary>
/// A program started with <see cref="ProgramRunner.Start"/>, owned by the code that started it:
/// <see cref="Dispose"/> (or <see cref="DisposeAsync"/>) kills it with its tree if it still runs.
/// It is killed when it outlives its request's time limit (<see cref="TimedOut"/>).
/// </summary>
public sealed class StartedProgram : IDisposable, IAsyncDisposable
{
    private readonly Child _child;
    private readonly CancellationTokenSource _lifetime;
    private readonly CancellationTokenRegistration _expiry;
    private int _timedOut;
    private int _disposed;

    internal StartedProgram(Child child, TimeSpan timeout)
    {
        _child = child;
        _lifetime = new CancellationTokenSource(timeout);
        _expiry = _lifetime.Token.Register(() =>
        {
            if (_child.Process.HasExited) return;
            Interlocked.Exchange(ref _timedOut, 1);
            _child.KillTree();
        });
    }

    /// <summary>The program's file name.</summary>
    public string Program => _child.Program;

    public int Id => _child.Process.Id;

    public bool HasExited => _child.Process.HasExited;

    /// <summary>Whether it was killed at its time limit.</summary>
    public bool TimedOut => Volatile.Read(ref _timedOut) == 1;

    public Task WaitForExitAsync(CancellationToken cancel = default) => _child.Process.WaitForExitAsync(cancel);

    /// <summary>Kills the program and its tree (nothing when it has ended).</summary>
    public void Kill() => _child.KillTree();

    /// <summary>
    /// Waits for the program's end (kill it first to end it now) and gives its outcome and whole
    /// output (or, for streamed output, its last lines).
    /// </summary>
    public async Task<ProgramResult> ResultAsync()
    {
        await _child.SettleAfterKillAsync().ConfigureAwait(false);
        return _child.Result(TimedOut);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _expiry.Dispose();
        _lifetime.Dispose();
        _child.KillTree();
        _child.Process.WaitForExit(TimeSpan.FromSeconds(5));
        _child.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _disposed) == 1) return;
        _child.KillTree();
        try
        {
            await _child.Process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Dispose gives up on it as well.
        }
        Dispose();
    }
}
