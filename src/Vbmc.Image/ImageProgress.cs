namespace Vbmc.Image;

/// <summary>
/// Progress of one VM's image build. On a terminal each step (base root, staging, image) has one
/// line, redrawn with the latest detail while the step runs (mmdebstrap's and the assembler's
/// messages); otherwise one line per step and no details; nothing at all when quiet.
/// </summary>
internal sealed class ImageProgress : IProgress<string>
{
    private const int Width = 100;
    private readonly TextWriter? _writer;
    private readonly bool _terminal;
    private readonly string _prefix;
    private string? _step;

    public ImageProgress(ImageBuildSettings settings, string vmName)
    {
        _writer = settings.Quiet ? null : settings.Progress;
        _terminal = settings.ProgressIsTerminal;
        _prefix = $"vbmc: {vmName}: ";
    }

    /// <summary>Starts a step.</summary>
    public void Step(string text)
    {
        if (_writer is null) return;
        lock (this)
        {
            if (_terminal)
            {
                if (_step is not null) _writer.Write('\n');
                _step = text;
                Redraw(text);
            }
            else
            {
                _writer.WriteLine(_prefix + text);
            }
            _writer.Flush();
        }
    }

    /// <summary>A detail of the running step (a line a tool printed): shown on a terminal only.</summary>
    public void Detail(string text)
    {
        if (_writer is null || !_terminal || _step is null || string.IsNullOrWhiteSpace(text)) return;
        lock (this)
        {
            Redraw($"{_step}: {text.Trim()}");
            _writer.Flush();
        }
    }

    /// <summary>The disk assembler's messages are steps of the image step.</summary>
    void IProgress<string>.Report(string value) => Detail(value);

    /// <summary>Ends the last step's line.</summary>
    public void Finish()
    {
        if (_writer is null || !_terminal || _step is null) return;
        lock (this)
        {
            _writer.Write('\n');
            _writer.Flush();
            _step = null;
        }
    }

    private void Redraw(string text)
    {
        var line = _prefix + new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        if (line.Length > Width) line = line[..(Width - 1)] + "…";
        _writer!.Write("\r\x1b[K" + line);
    }
}
