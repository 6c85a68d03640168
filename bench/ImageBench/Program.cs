// Times DiskAssembler on a staged root folder against `mke2fs -d` alone on the same folder, and
// compares the image's size on disk with the content's. Prints key=value lines (see bench/image.sh).
using System.Diagnostics;
using System.Globalization;
using Vbmc.Diagnostics;
using Vbmc.Image.Disk;

if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: ImageBench STAGED-ROOT [FORMAT] [SIZE-GIB]");
    return 2;
}
var staged = Path.GetFullPath(args[0]);
var format = args.Length > 1 ? args[1] : DiskFormats.CompressedQcow2;
var sizeBytes = (args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 20) << 30;
var work = Directory.CreateTempSubdirectory("vbmc-image-bench-").FullName;
try
{
    Print("format", format);
    Print("virtual_bytes", sizeBytes);
    Print("content_bytes", Du(staged, apparent: true));
    Print("content_bytes_on_disk", Du(staged, apparent: false));

    // The file system alone: what any image builder must at least spend.
    var plain = Path.Combine(work, "mke2fs-only.raw");
    using (var file = File.Create(plain)) file.SetLength(sizeBytes - (1 << 20));
    var mke2fs = Stopwatch.StartNew();
    Run("mke2fs", "-q", "-F", "-t", "ext4", "-d", staged, plain);
    var mke2fsSeconds = mke2fs.Elapsed.TotalSeconds;
    File.Delete(plain);

    var image = Path.Combine(work, "disk." + format);
    var diagnostics = new DiagnosticBag();
    var steps = new List<(string Step, double At)>();
    var assemble = Stopwatch.StartNew();
    var ok = DiskAssembler.Assemble(new DiskImageRequest(staged, image, format, sizeBytes, "bench", new DateTimeOffset(2014, 6, 1, 0, 0, 0, TimeSpan.Zero)),
        new Reporter(step => steps.Add((step, assemble.Elapsed.TotalSeconds))), diagnostics, SourceSpan.FileOnly("bench"));
    var assembleSeconds = assemble.Elapsed.TotalSeconds;
    if (!ok)
    {
        foreach (var d in diagnostics.Items) Console.Error.WriteLine(d + (d.Hint is null ? "" : " (" + d.Hint + ")"));
        return 1;
    }
    for (var i = 0; i < steps.Count; i++)
    {
        var end = i + 1 < steps.Count ? steps[i + 1].At : assembleSeconds;
        Print("step_seconds{" + steps[i].Step + "}", Math.Round(end - steps[i].At, 3));
    }
    Print("mke2fs_only_seconds", Math.Round(mke2fsSeconds, 3));
    Print("assemble_seconds", Math.Round(assembleSeconds, 3));
    Print("ratio", Math.Round(assembleSeconds / mke2fsSeconds, 2));
    Print("image_bytes", new FileInfo(image).Length);
    Print("image_bytes_on_disk", Du(image, apparent: false));
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static void Print(string key, object value) => Console.WriteLine(FormattableString.Invariant($"{key}={value}"));

static long Du(string path, bool apparent)
{
    var output = apparent ? Run("du", "-s", "--block-size=1", "--apparent-size", path) : Run("du", "-s", "--block-size=1", path);
    return long.Parse(output.Split('\t')[0], CultureInfo.InvariantCulture);
}

static string Run(string program, params string[] arguments)
{
    var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in arguments) start.ArgumentList.Add(a);
    using var process = Process.Start(start)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {stderr.Result}");
    return stdout.Result;
}

sealed class Reporter(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
