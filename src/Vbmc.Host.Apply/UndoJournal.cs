namespace Vbmc.Host.Apply;

/// <summary>
/// What to do to put the host back as it was, recorded as apply changes it. On a failure the
/// actions run newest first; each one that fails is reported and the others still run. (A
/// SIGKILL runs nothing: the next apply's recovery step does that work, see <see cref="Recovery"/>.)
/// </summary>
internal sealed class UndoJournal
{
    private readonly List<(string What, Action Undo)> _actions = [];

    public void Add(string what, Action undo) => _actions.Add((what, undo));

    /// <summary>Runs every action, newest first; returns the problems met.</summary>
    public IReadOnlyList<string> Undo()
    {
        var problems = new List<string>();
        for (var i = _actions.Count - 1; i >= 0; i--)
        {
            try
            {
                _actions[i].Undo();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problems.Add($"{_actions[i].What}: {e.Message}");
            }
        }
        _actions.Clear();
        return problems;
    }

    /// <summary>Forgets every action: the changes are now the host's state (after the commit point).</summary>
    public void Commit() => _actions.Clear();
}
