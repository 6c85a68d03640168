namespace Vbmc.TestSupport;

/// <summary>
/// A memory cgroup of its own for one program run, to measure the run's peak memory as the
/// kernel counts it (heap, stacks, mapped files) and to stop it there, not on the test machine.
/// Uses cgroup v2 (memory.max, memory.peak) where the memory controller is enabled, else v1
/// (memory.limit_in_bytes, memory.max_usage_in_bytes). Needs root, as CI runs the tests.
/// </summary>
public sealed class MemoryCgroup : IDisposable
{
    private readonly string _path;
    private readonly bool _v2;

    public MemoryCgroup(long limitBytes)
    {
        var name = $"vbmc-test-{Environment.ProcessId}-{Guid.NewGuid():N}";
        if (File.Exists("/sys/fs/cgroup/cgroup.controllers") &&
            File.ReadAllText("/sys/fs/cgroup/cgroup.subtree_control").Split(' ', '\n').Contains("memory"))
        {
            _v2 = true;
            _path = Path.Combine("/sys/fs/cgroup", name);
        }
        else if (Directory.Exists("/sys/fs/cgroup/memory"))
        {
            _path = Path.Combine("/sys/fs/cgroup/memory", name);
        }
        else
        {
            throw new InvalidOperationException(
                "no memory cgroup controller is mounted (/sys/fs/cgroup with memory in cgroup.subtree_control, or /sys/fs/cgroup/memory): the memory test needs one");
        }
        try
        {
            Directory.CreateDirectory(_path);
            File.WriteAllText(Path.Combine(_path, _v2 ? "memory.max" : "memory.limit_in_bytes"), limitBytes.ToString());
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InvalidOperationException($"cannot make the memory cgroup {_path} (run the tests as root): {e.Message}", e);
        }
    }

    /// <summary>Runs <paramref name="program"/> inside the cgroup (a shell moves itself in, then execs it).</summary>
    public ProcessResult Run(string program, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null) =>
        ProcessRunner.Run("/bin/sh", ["-c", "echo $$ > \"$0\" && exec \"$@\"", Path.Combine(_path, "cgroup.procs"), program, .. arguments],
            workingDirectory, timeout ?? TimeSpan.FromMinutes(3));

    /// <summary>The most memory the cgroup's processes held at once, in bytes.</summary>
    public long PeakBytes
    {
        get
        {
            var file = Path.Combine(_path, _v2 ? "memory.peak" : "memory.max_usage_in_bytes");
            return File.Exists(file) ? long.Parse(File.ReadAllText(file).Trim())
                : throw new InvalidOperationException($"{file} is missing: this kernel does not report a cgroup's peak memory");
        }
    }

    public void Dispose()
    {
        // The processes have ended (Run waits for them); an empty cgroup is removed with rmdir.
        try { Directory.Delete(_path); } catch (IOException) { }
    }
}
