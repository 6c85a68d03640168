// Times DiskAssembler on a staged root folder against `mke2fs -d` alone on the same folder, and
// compares the image's size on disk with the content's. Prints key=value lines (see bench/image.sh).
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Vbmc.Diagnostics;
using Vbmc.Image.Disk;

if (args.Length is < 1 or > 4)
{
    Console.Error.WriteLine("usage: ImageBench STAGED-ROOT [FORMAT|all] [SIZE-GIB] [ROUNDS]");
    return 2;
}
var staged = Path.GetFullPath(args[0]);
var formatArgument = args.Length > 1 ? args[1] : "all";
IReadOnlyList<string> formats = formatArgument == "all" ? [DiskFormats.Raw, DiskFormats.Qcow2, DiskFormats.CompressedQcow2] : [formatArgument];
var sizeBytes = (args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 20) << 30;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
var work = Directory.CreateTempSubdirectory("vbmc-image-bench-").FullName;
try
{
    Print("virtual_bytes", sizeBytes);
    Print("rounds", rounds);
    Print("content_bytes", Du(staged, apparent: true));
    Print("content_bytes_on_disk", Du(staged, apparent: false));

    // Untimed: one build of a tiny folder in each format, so that no timed build pays for this
    // program's just-in-time compilation (vbmc itself is compiled ahead of time), and one mke2fs
    // run, so that every timed run reads the staged files from the page cache.
    var tiny = Directory.CreateDirectory(Path.Combine(work, "tiny", "etc")).FullName;
    File.WriteAllText(Path.Combine(tiny, "hostname"), "warm-up\n");
    foreach (var format in formats)
        if (AssembleOnce(Path.GetDirectoryName(tiny)!, work, format, 64 << 20, OwnersOf(Path.GetDirectoryName(tiny)!)) is null) return 1;
    // As a guest image build gives it (GuestOwners: every entry of the base), each entry's owner,
    // set by the assembler's inode pass after mke2fs: read here, untimed, as the build reads
    // the base's tar listing while it stages.
    var owners = OwnersOf(staged);
    Print("owned_entries", owners.Inodes.Count);
    MakeFileSystemOnly(staged, work, sizeBytes);

    // Rounds of the file system alone (what any image builder must at least spend) and of each
    // format's assembly, interleaved so that the machine's load weighs on both sides alike; the
    // ratios compare the fastest run of each (the one least slowed by other work on the machine).
    var mke2fsRuns = new List<double>();
    var mke2fsCpu = new List<double>();
    var runs = formats.ToDictionary(format => format, _ => new List<Assembly>());
    for (var round = 0; round < rounds; round++)
    {
        var cpuBefore = CpuSeconds();
        mke2fsRuns.Add(MakeFileSystemOnly(staged, work, sizeBytes));
        mke2fsCpu.Add(CpuSeconds() - cpuBefore);
        foreach (var format in formats)
        {
            if (AssembleOnce(staged, work, format, sizeBytes, owners) is not { } run) return 1;
            runs[format].Add(run);
        }
    }
    mke2fsRuns.Add(MakeFileSystemOnly(staged, work, sizeBytes));

    foreach (var format in formats)
    {
        var fastest = runs[format].MinBy(run => run.Seconds)!;
        foreach (var (step, seconds) in fastest.Steps) Print("step_seconds{" + format + "," + step + "}", Math.Round(seconds, 3));
        Print("assemble_seconds{" + format + "}", Math.Round(fastest.Seconds, 3));
        Print("assemble_seconds_median{" + format + "}", Math.Round(Median(runs[format].Select(run => run.Seconds)), 3));
        Print("assemble_cpu_seconds{" + format + "}", Math.Round(runs[format].Min(run => run.CpuSeconds), 3));
        Print("image_bytes{" + format + "}", fastest.ImageBytes);
        Print("image_bytes_on_disk{" + format + "}", fastest.ImageBytesOnDisk);
    }
    var mke2fsSeconds = mke2fsRuns.Min();
    Print("mke2fs_only_seconds", Math.Round(mke2fsSeconds, 3));
    Print("mke2fs_only_seconds_median", Math.Round(Median(mke2fsRuns), 3));
    Print("mke2fs_only_cpu_seconds", Math.Round(mke2fsCpu.Min(), 3));
    foreach (var format in formats)
    {
        var key = format.Replace('-', '_');
        Print("ratio_" + key, Math.Round(runs[format].Min(run => run.Seconds) / mke2fsSeconds, 2));
        Print("ratio_median_" + key, Math.Round(Median(runs[format].Select(run => run.Seconds)) / Median(mke2fsRuns), 2));
        Print("cpu_ratio_" + key, Math.Round(runs[format].Min(run => run.CpuSeconds) / mke2fsCpu.Min(), 2));
    }
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

// One DiskAssembler build in FORMAT, its image then removed; null after printing the
// diagnostics of a failed build.
static Assembly? AssembleOnce(string staged, string work, string format, long sizeBytes, InodeOwnership owners)
{
    var image = Path.Combine(work, "disk." + format);
    var diagnostics = new DiagnosticBag();
    var starts = new List<(string Step, double At)>();
    var cpuBefore = CpuSeconds();
    var clock = Stopwatch.StartNew();
    var ok = DiskAssembler.Assemble(new DiskImageRequest(staged, image, format, sizeBytes, "bench", new DateTimeOffset(2014, 6, 1, 0, 0, 0, TimeSpan.Zero), owners),
        new Reporter(step => starts.Add((step, clock.Elapsed.TotalSeconds))), diagnostics, SourceSpan.FileOnly("bench"));
    var seconds = clock.Elapsed.TotalSeconds;
    var cpu = CpuSeconds() - cpuBefore;
    if (!ok)
    {
        foreach (var d in diagnostics.Items) Console.Error.WriteLine(d + (d.Hint is null ? "" : " (" + d.Hint + ")"));
        return null;
    }
    var steps = starts.Select((start, i) => (start.Step, (i + 1 < starts.Count ? starts[i + 1].At : seconds) - start.At)).ToList();
    var assembly = new Assembly(seconds, cpu, steps, new FileInfo(image).Length, Du(image, apparent: false));
    File.Delete(image);
    return assembly;
}

// Processor time of this program's threads and of the programs it ran and waited for
// (getrusage RUSAGE_CHILDREN): on a shared machine that divides the processors between sessions,
// what a build costs whatever the others do; the wall-clock ratios show what parallel work gains.
static double CpuSeconds()
{
    if (GetResourceUsage(-1, out var children) != 0) throw new InvalidOperationException("getrusage failed");
    return Environment.CpuUsage.TotalTime.TotalSeconds
        + children.UserSeconds + children.UserMicroseconds / 1e6 + children.SystemSeconds + children.SystemMicroseconds / 1e6;
}

[DllImport("libc", EntryPoint = "getrusage")]
static extern int GetResourceUsage(int who, out ResourceUsage usage);

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
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

// Every entry of a staged folder with its owner (find -printf: uid and gid), its mode kept.
static InodeOwnership OwnersOf(string folder)
{
    var find = Process.Start(new ProcessStartInfo("find", [folder, "-mindepth", "1", "-printf", "%P\\t%U\\t%G\\n"])
    {
        RedirectStandardOutput = true, UseShellExecute = false,
    })!;
    var inodes = new List<InodeOwner>();
    while (find.StandardOutput.ReadLine() is { } line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 3 || fields[0].Contains('\n')) continue;
        inodes.Add(new InodeOwner("/" + fields[0], int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture), null));
    }
    find.WaitForExit();
    return new InodeOwnership(inodes, []);
}

sealed record Assembly(double Seconds, double CpuSeconds, IReadOnlyList<(string Step, double Seconds)> Steps, long ImageBytes, long ImageBytesOnDisk);

// struct rusage on 64-bit Linux: two timevals, then fourteen longs.
[StructLayout(LayoutKind.Sequential, Size = 144)]
struct ResourceUsage
{
    public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
}

sealed class Reporter(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
