namespace Vbmc.Image.Guest;

/// <summary>
/// One file vbmc puts in the guest's root, on top of the base: a regular file (text, mode,
/// owned by root) or a symbolic link. <see cref="Path"/> is absolute in the guest.
/// </summary>
internal sealed record GuestFile(string Path, string? Text, int Mode, string? LinkTarget = null)
{
    public const int Public = 0b110_100_100;     // 0644
    public const int Program = 0b111_101_101;    // 0755

    public static GuestFile Regular(string path, string text, int mode = Public) => new(path, text, mode);

    public static GuestFile Link(string path, string target) => new(path, null, 0b111_111_111, target);

    /// <summary>A masked unit: systemd never starts a unit linked to /dev/null.</summary>
    public static GuestFile Mask(string unit) => Link("/etc/systemd/system/" + unit, "/dev/null");

    /// <summary>The link `systemctl enable` makes for a unit installed WantedBy= a target.</summary>
    public static GuestFile WantedBy(string target, string unit, string unitFolder) =>
        Link($"/etc/systemd/system/{target}.wants/{unit}", $"{unitFolder}/{unit}");
}
