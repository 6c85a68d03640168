namespace Vbmc.Image.Disk.Tests;

/// <summary>The seed-derived identifiers: stable, independent of one another, and well-formed UUIDs.</summary>
public sealed class DiskIdentityTests
{
    [Fact]
    public void The_same_seed_gives_the_same_identifiers_and_another_seed_others()
    {
        var a = new DiskIdentity("00ff");
        var again = new DiskIdentity("00ff");
        var other = new DiskIdentity("00fe");

        (again.FileSystemUuid, again.DirectoryHashSeed, again.MbrDiskSignature).Should().Be((a.FileSystemUuid, a.DirectoryHashSeed, a.MbrDiskSignature));
        other.FileSystemUuid.Should().NotBe(a.FileSystemUuid);
        other.DirectoryHashSeed.Should().NotBe(a.DirectoryHashSeed);
        other.MbrDiskSignature.Should().NotBe(a.MbrDiskSignature);
        a.DirectoryHashSeed.Should().NotBe(a.FileSystemUuid, "each purpose is hashed separately");
    }

    [Fact]
    public void Uuids_are_version_8_with_the_rfc_variant()
    {
        var text = DiskIdentity.Format(new DiskIdentity("anything").FileSystemUuid);
        text.Should().MatchRegex("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    }
}
