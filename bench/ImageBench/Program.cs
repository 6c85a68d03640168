// Times DiskAssembler on a staged root folder against `mke2fs -d` alone on the same folder, and
// compares the image's size on disk with the content's. Prints key=value lines (see bench/image.sh).
using System.Diagnostics;
using System.Globalization;
using Vbmc.Diagnostics;
using Vbmc.Image.Disk;

if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: ImageBench STAGED-ROOT [FORMAT|all] [SIZE-GIB]");
    return 2;
}
var staged = Path.GetFullPath(args[0]);
var formatArgument = args.Length > 1 ? args[1] : "all";
IReadOnlyList<string> formats = formatArgument == "all" ? [DiskFormats.Raw, DiskFormats.Qcow2, DiskFormats.CompressedQcow2] : [formatArgument];
var sizeBytes = (args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 20) << 30;
var work = Directory.CreateTempSubdirectory("vbmc-image-bench-").FullName;
try
{
    Print("virtual_bytes", sizeBytes);
    Print("content_bytes", Du(staged, apparent: true));
    Print("content_bytes_on_disk", Du(staged, apparent: false));

    // One untimed run first, so that every timed run reads the staged files from the page cache.
    MakeFileSystemOnly(staged, work, sizeBytes);
    // The file system alone, what any image builder must at least spend: timed before and after
    // the assemblies and averaged, so that a change of the machine's load during the run weighs
    // on both sides of the ratios alike.
    var mke2fsBefore = MakeFileSystemOnly(staged, work, sizeBytes);

    var assembled = new List<(string Format, double Seconds)>();
    foreach (var format in formats)
    {
        var seconds = AssembleOnce(staged, work, format, sizeBytes);
        if (seconds is null) return 1;
        assembled.Add((format, seconds.Value));
    }

    var mke2fsAfter = MakeFileSystemOnly(staged, work, sizeBytes);
    var mke2fsSeconds = (mke2fsBefore + mke2fsAfter) / 2;
    Print("mke2fs_only_seconds{before}", Math.Round(mke2fsBefore, 3));
    Print("mke2fs_only_seconds{after}", Math.Round(mke2fsAfter, 3));
    Print("mke2fs_only_seconds", Math.Round(mke2fsSeconds, 3));
    foreach (var (format, seconds) in assembled)
        Print("ratio_" + format.Replace('-', '_'), Math.Round(seconds / mke2fsSeconds, 2));
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static double MakeFileSystemOnly(string staged, string work, long sizeBytes)
{
    var plain = Path.Combine(work, "mke2fs-only.raw");
    using (var file = File.Create(plain)) file.SetLength(sizeBytes - (1 << 20));
    var clock = Stopwatch.StartNew();
    Run("mke2fs", "-q", "-F", "-t", "ext4", "-d", staged, plain);
    var seconds = clock.Elapsed.TotalSeconds;
    File.Delete(plain);
    return seconds;
}

// One DiskAssembler build in FORMAT; prints its steps, time and sizes, and returns its seconds
// (null after printing the diagnostics of a failed build).
static double? AssembleOnce(string staged, string work, string format, long sizeBytes)
{
    var image = Path.Combine(work, "disk." + format);
    var diagnostics = new DiagnosticBag();
    var steps = new List<(string Step, double At)>();
    var assemble = Stopwatch.StartNew();
    var ok = DiskAssembler.Assemble(new DiskImageRequest(staged, image, format, sizeBytes, "bench", new DateTimeOffset(2014, 6, 1, 0, 0, 0, TimeSpan.Zero)),
        new Reporter(step => steps.Add((step, assemble.Elapsed.TotalSeconds))), diagnostics, SourceSpan.FileOnly("bench"));
    var seconds = assemble.Elapsed.TotalSeconds;
    if (!ok)
    {
        foreach (var d in diagnostics.Items) Console.Error.WriteLine(d + (d.Hint is null ? "" : " (" + d.Hint + ")"));
        return null;
    }
    var key = "{" + format + "}";
    for (var i = 0; i < steps.Count; i++)
    {
        var end = i + 1 < steps.Count ? steps[i + 1].At : seconds;
        Print("step_seconds{" + format + "," + steps[i].Step + "}", Math.Round(end - steps[i].At, 3));
    }
    Print("assemble_seconds" + key, Math.Round(seconds, 3));
    Print("image_bytes" + key, new FileInfo(image).Length);
    Print("image_bytes_on_disk" + key, Du(image, apparent: false));
    File.Delete(image);
    return seconds;
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
