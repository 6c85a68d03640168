using System.Security.Cryptography;
using System.Text;

namespace Vbmc.Emitters.Libvirt;

/// <summary>
/// The domain's UUID, made from the VM's name: the same VM gets the same UUID at every compile,
/// so that `virsh define` of a new compile updates the defined domain (libvirt refuses a second
/// definition of a name under another UUID), and the file stays byte-identical.
/// </summary>
public static class LibvirtDomainUuid
{
    public static string Of(string vmName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("vbmc libvirt domain\0" + vmName));
        // RFC 9562 version 8 (a name-based layout of vbmc's own), variant 10.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash, 0, 16);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
