using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Vbmc.Evaluation;
using Vbmc.TestSupport;

namespace Vbmc.Evaluator.Tests;

/// <summary>Real keys made by ssh-keygen (openssh-client), and corrupted variants of them.</summary>
public sealed partial class OpenSshTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-ssh-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Runs ssh-keygen and returns the public key line it wrote.</summary>
    private string Generate(string type, int? bits = null, string comment = "builder@example.org")
    {
        var file = Path.Combine(_folder, $"{type}-{bits}-{Guid.NewGuid():N}");
        var psi = new ProcessStartInfo("ssh-keygen") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-q", "-t", type, "-N", "", "-C", comment, "-f", file }) psi.ArgumentList.Add(arg);
        if (bits is { } b) { psi.ArgumentList.Add("-b"); psi.ArgumentList.Add(b.ToString()); }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("ssh-keygen (apt-get install openssh-client) did not start");
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, stderr);
        return File.ReadAllText(file + ".pub").Trim();
    }

    public static TheoryData<string, int?, string> KeyTypes => new()
    {
        { "ed25519", null, "ssh-ed25519" },
        { "rsa", 2048, "ssh-rsa" },
        { "rsa", 3072, "ssh-rsa" },
        { "ecdsa", 256, "ecdsa-sha2-nistp256" },
        { "ecdsa", 384, "ecdsa-sha2-nistp384" },
        { "ecdsa", 521, "ecdsa-sha2-nistp521" },
        { "dsa", null, "ssh-dss" },
    };

    [Theory]
    [MemberData(nameof(KeyTypes))]
    public void Keys_made_by_ssh_keygen_are_accepted(string type, int? bits, string expectedType)
    {
        var line = Generate(type, bits);
        OpenSshPublicKey.TryParse(line, out var key, out var error).Should().BeTrue(error);
        key!.Type.Should().Be(expectedType);
        key.Comment.Should().Be("builder@example.org");
        key.ToKnownHostsKey().Should().Be(line[..line.LastIndexOf(' ')]);
        CallPredicate(line).Should().BeTrue();
        // Without a comment, as ssh-keyscan prints host keys.
        CallPredicate(key.ToKnownHostsKey()).Should().BeTrue();
    }

    [Fact]
    public void Security_key_types_are_accepted_when_well_formed()
    {
        // ssh-keygen needs a FIDO token to make these, so the blobs are built by hand.
        var ed = Blob(Str("sk-ssh-ed25519@openssh.com"), Str(new byte[32]), Str("ssh:"));
        var point = new byte[65];
        point[0] = 4;
        var ecdsa = Blob(Str("sk-ecdsa-sha2-nistp256@openssh.com"), Str("nistp256"), Str(point), Str("ssh:"));
        CallPredicate("sk-ssh-ed25519@openssh.com " + Convert.ToBase64String(ed)).Should().BeTrue();
        CallPredicate("sk-ecdsa-sha2-nistp256@openssh.com " + Convert.ToBase64String(ecdsa) + " yubikey").Should().BeTrue();
        // Without the application string the blob is truncated.
        var truncated = Blob(Str("sk-ssh-ed25519@openssh.com"), Str(new byte[32]));
        OpenSshPublicKey.TryParse("sk-ssh-ed25519@openssh.com " + Convert.ToBase64String(truncated), out _, out var error)
            .Should().BeFalse();
        error.Should().Contain("truncated");
    }

    [Fact]
    public void Acceptance_file_host_keys_are_accepted()
    {
        // Every key line written in tests/acceptance (made by ssh-keygen); "not a key" is not one.
        var keys = Directory.GetFiles(RepoPaths.Acceptance, "*.scm").Order(StringComparer.Ordinal)
            .SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        keys.Should().HaveCountGreaterThanOrEqualTo(3);
        foreach (var key in keys) CallPredicate(key).Should().BeTrue(key);
    }

    [GeneratedRegex("\"(ssh-ed25519 [A-Za-z0-9+/=]+)\"")]
    private static partial Regex KeyLiteral();

    [Fact]
    public void Corrupted_keys_are_rejected_with_a_reason()
    {
        var ed25519 = Generate("ed25519");
        var rsa = Generate("rsa", 2048);
        var ecdsa = Generate("ecdsa", 256);
        var edData = ed25519.Split(' ')[1];
        var rsaData = rsa.Split(' ')[1];
        var edBlob = Convert.FromBase64String(edData);
        var rsaBlob = Convert.FromBase64String(rsaData);

        var cases = new (string Text, string Reason)[]
        {
            ("", "empty"),
            ("   ", "empty"),
            ("ssh-ed25519", "missing"),
            ("ssh-ed25519 AAAA!!!!" + edData[8..], "base64"),
            ("ssh-ed25519 " + edData[..^1], "base64"),
            ("ssh-ed25519 " + edData + "=", "base64"),
            ("ssh-rsa " + edData, "'ssh-ed25519' key but the line says 'ssh-rsa'"),
            ("ecdsa-sha2-nistp384 " + ecdsa.Split(' ')[1], "says 'ecdsa-sha2-nistp384'"),
            ("ssh-foo " + edData, "unknown key type 'ssh-foo'"),
            ("ssh-ed25519 " + Convert.ToBase64String(edBlob[..^4]), "truncated (no ed25519 key)"),
            ("ssh-ed25519 " + Convert.ToBase64String(Blob(Str("ssh-ed25519"), Str(new byte[28]))), "28 bytes long instead of 32"),
            ("ssh-ed25519 " + Convert.ToBase64String(edBlob[..10]), "truncated"),
            ("ssh-ed25519 " + Convert.ToBase64String([.. edBlob, 0]), "trailing"),
            ("ssh-rsa " + Convert.ToBase64String(rsaBlob[..(rsaBlob.Length / 2)]), "truncated (no modulus)"),
            ("ssh-rsa " + Convert.ToBase64String(Blob(Str("ssh-rsa"), Str([1, 0, 1]))), "no modulus"),
            ("ssh-rsa " + Convert.ToBase64String(Blob(Str("ssh-rsa"), Str([1, 0, 1]), Str([0x80, 1]))), "modulus is not a positive integer"),
            ("ecdsa-sha2-nistp256 " + Convert.ToBase64String(Blob(Str("ecdsa-sha2-nistp256"), Str("nistp384"), Str(new byte[65]))), "curve is 'nistp384'"),
            ("ecdsa-sha2-nistp256 " + Convert.ToBase64String(Blob(Str("ecdsa-sha2-nistp256"), Str("nistp256"), Str(new byte[65]))), "not an uncompressed"),
            (File.ReadAllText(Directory.GetFiles(_folder).First(f => !f.EndsWith(".pub"))), "private key"),
            ("AAAAC3NzaC1lZDI1NTE5AAAAIG+KBiVUUkdxVQ3aIDeEsRDRyygnCdOsq3ZNgKsJ+rzd", "unknown key type"),
        };
        foreach (var (text, reason) in cases)
        {
            OpenSshPublicKey.TryParse(text, out var key, out var error).Should().BeFalse(text);
            key.Should().BeNull();
            error.Should().Contain(reason, text);
            CallPredicate(text).Should().BeFalse(text);
        }
    }

    [Fact]
    public void Non_strings_are_not_keys()
    {
        var table = new BuiltinTable();
        OpenSshBuiltins.Register(table);
        var predicate = (Builtin)table.Values["openssh-public-key?"];
        predicate.Body([System.Numerics.BigInteger.One]).Should().Be(false);
        predicate.Body([Vbmc.Data.Symbol.Intern("ssh-ed25519")]).Should().Be(false);
    }

    private static bool CallPredicate(string text)
    {
        var table = new BuiltinTable();
        OpenSshBuiltins.Register(table);
        return (bool)((Builtin)table.Values["openssh-public-key?"]).Body([text]);
    }

    private static byte[] Str(string s) => Str(Encoding.ASCII.GetBytes(s));

    private static byte[] Str(byte[] bytes)
    {
        var result = new byte[4 + bytes.Length];
        BinaryPrimitives.WriteUInt32BigEndian(result, (uint)bytes.Length);
        bytes.CopyTo(result, 4);
        return result;
    }

    private static byte[] Blob(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
