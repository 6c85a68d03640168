using Vbmc.Host.Apply;
using Vbmc.TestSupport;

namespace Vbmc.EndToEnd.Tests;

/// <summary>
/// The signing keys apply makes for guest guix-daemons, checked by the libgcrypt binding Guix
/// itself signs and verifies with (guile-gcrypt, in the reference root): a signature made with
/// the secret file verifies with the public file, as guix archive does, and not with another key.
/// </summary>
public sealed class GuixSigningKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vbmc-signing-key-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private GuixSigningKey Make(string name)
    {
        var file = Path.Combine(_folder, name);
        var keygen = ProcessRunner.Run(HostTools.Require("ssh-keygen", "openssh-client"), ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", file]);
        keygen.ExitCode.Should().Be(0, keygen.Stderr);
        return GuixSigningKey.FromOpenSshPrivateKey(File.ReadAllText(file));
    }

    [Fact]
    public void Guix_signs_with_the_secret_file_and_verifies_with_the_public_file()
    {
        var key = Make("one");
        var other = Make("two");
        using var session = ReferenceRoot.Enter();
        File.WriteAllText(session.HostPath("/var/tmp/one.sec"), key.SecretText);
        File.WriteAllText(session.HostPath("/var/tmp/one.pub"), key.PublicText);
        File.WriteAllText(session.HostPath("/var/tmp/two.pub"), other.PublicText);
        var run = session.Run("""
            guile -c '
            (use-modules (gcrypt pk-crypto) (gcrypt hash) (rnrs bytevectors) (ice-9 textual-ports))
            (define (read-key file) (string->canonical-sexp (call-with-input-file file get-string-all)))
            (define secret (read-key "/var/tmp/one.sec"))
            (define public (read-key "/var/tmp/one.pub"))
            (define data (bytevector->hash-data (sha256 (string->utf8 "vbmc")) #:key-type (key-type public)))
            (define signature (sign data secret))
            (format #t "type ~a~%" (key-type public))
            (format #t "own ~a~%" (verify signature data public))
            (format #t "other ~a~%" (verify signature data (read-key "/var/tmp/two.pub")))'
            """);
        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("type ecc").And.Contain("own #t").And.Contain("other #f");
    }

    [Fact]
    public void The_files_have_guix_archives_shape()
    {
        var key = Make("shape");
        key.PublicText.Should().MatchRegex(@"^\(public-key \n \(ecc \n  \(curve Ed25519\)\n  \(q #[0-9A-F]{64}#\)\n  \)\n \)\n$");
        key.SecretText.Should().MatchRegex(@"^\(private-key \n \(ecc \n  \(curve Ed25519\)\n  \(q #[0-9A-F]{64}#\)\n  \(d #[0-9A-F]{64}#\)\n  \)\n \)\n$");
        GuixSigningKey.PointOf(key.PublicText).Should().Equal(key.Public);
    }
}
