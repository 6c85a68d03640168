using Vbmc.TestSupport;

namespace Vbmc.Image.Disk.Tests;

/// <summary>
/// A small guest root with what an image must keep: nested folders, a symbolic link, a hard link,
/// a folder with mode 0700, a file owned by uid 1000, an executable, a 255-byte name, a name with
/// spaces, quotes, shell and printf characters and a newline, an empty folder and a file big
/// enough to need several extents.
/// </summary>
public static class StagedTree
{
    public const string HostileName = "a name with 'single' \"double\" $HOME %s \\back\nnewline";

    public static readonly string LongName = new('L', 255);

    /// <summary>The owner the tree gives secret/key (the build account of a guest).</summary>
    public const int OtherUid = 1000;

    /// <summary>
    /// Makes the tree in <paramref name="root"/> (which must exist). <paramref name="reverseOrder"/>
    /// creates the entries in the opposite order, so that two trees with the same content differ in
    /// creation order, directory slot order and host timestamps.
    /// </summary>
    public static void Create(string root, bool reverseOrder = false)
    {
        var steps = new List<Action>
        {
            () => Write(root, "etc/hostname", "vbmc-guest\n"),
            () => Write(root, "etc/" + HostileName, "hostile\n"),
            () => Write(root, "usr/bin/tool", "#!/bin/sh\necho tool\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute),
            () => Write(root, "usr/share/" + LongName, "long name\n"),
            () => File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(root, "usr/share")).FullName, "blob"), Blob()),
            () => Directory.CreateDirectory(Path.Combine(root, "var/empty")),
            () =>
            {
                var secret = Directory.CreateDirectory(Path.Combine(root, "secret")).FullName;
                Write(root, "secret/key", "not a real key\n", UnixFileMode.UserRead | UnixFileMode.UserWrite);
                Run("chown", $"{OtherUid}:{OtherUid}", Path.Combine(secret, "key"));
                File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            },
        };
        if (reverseOrder) steps.Reverse();
        foreach (var step in steps) step();

        // Links last: they need their targets.
        File.CreateSymbolicLink(Path.Combine(root, "hostname-link"), "etc/hostname");
        Run("ln", Path.Combine(root, "etc/hostname"), Path.Combine(root, "etc/hostname-hard"));
    }

    /// <summary>300 KiB of fixed pseudo-random bytes.</summary>
    public static byte[] Blob()
    {
        var bytes = new byte[300 * 1024];
        new Random(20140601).NextBytes(bytes);
        return bytes;
    }

    private static void Write(string root, string relative, string content, UnixFileMode? mode = null)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode ?? (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead));
    }

    private static void Run(string program, params string[] arguments)
    {
        var result = ProcessRunner.Run(HostTools.Require(program, "coreutils"), arguments);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed (the tests stage files as root): {result.Stderr}");
    }
}
