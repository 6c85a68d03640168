using System.Text;
using Vbmc.Host.Probe;

namespace Vbmc.Host.Operate;

/// <summary>
/// `vbmc logs NAME [-f]` where the console goes to a file (Shepherd, and the script as vbmc starts
/// it): the file's lines, then with -f what is added, until interrupted. The guest writes this
/// text, so each line is printed with its control characters escaped (a guest could otherwise
/// move the cursor or retitle the terminal); a console that is emptied at the next start is
/// followed from its new beginning.
/// </summary>
public static class SerialLog
{
    public static void Print(string path, TextWriter output, bool follow, CancellationToken cancel)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var pending = new StringBuilder();
        var buffer = new byte[64 * 1024];
        var decoder = new UTF8Encoding(false).GetDecoder();
        var chars = new char[buffer.Length + 1];
        while (!cancel.IsCancellationRequested)
        {
            var read = stream.Read(buffer);
            if (read > 0)
            {
                var count = decoder.GetChars(buffer, 0, read, chars, 0);
                pending.Append(chars, 0, count);
                WriteLines(pending, output);
                continue;
            }
            if (!follow) break;
            output.Flush();
            // Emptied (the VM started again): read it from its beginning.
            if (new FileInfo(path) is { Exists: true } info && info.Length < stream.Position) stream.Position = 0;
            cancel.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(250));
        }
        if (pending.Length > 0) output.WriteLine(ReportWriter.Printable(pending.ToString()));
        output.Flush();
    }

    private static void WriteLines(StringBuilder pending, TextWriter output)
    {
        var text = pending.ToString();
        var end = text.LastIndexOf('\n');
        if (end < 0) return;
        foreach (var line in text[..end].Split('\n')) output.WriteLine(ReportWriter.Printable(line.TrimEnd('\r')));
        pending.Remove(0, end + 1);
    }
}
