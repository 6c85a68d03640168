using Vbmc.TestSupport;
using Xunit.Abstractions;

namespace Vbmc.GuixDifferential.Tests;

/// <summary>
/// The harness's Guix side on files made for the purpose, in a session of its own: each file is
/// read in a fresh module, a file that runs too long gets "timeout" and one that kills Guile
/// "crash" without stopping the others, -L folders and the modules found there do not leak from
/// one file to the next, and each kind of file is read the way its guix command reads it.
/// </summary>
public sealed class HarnessTests(ITestOutputHelper output)
{
    private const string MinimalOs = """
        (use-modules (gnu))
        (operating-system
          (host-name HOST)
          (timezone "Etc/UTC")
          (bootloader (bootloader-configuration
                       (bootloader grub-bootloader)
                       (targets '("/dev/sda"))))
          (file-systems (cons (file-system
                                (device (file-system-label "root"))
                                (mount-point "/")
                                (type "ext4"))
                              %base-file-systems)))
        """;

    private static readonly (string Name, string Text, string Header)[] Files =
    [
        ("defines.scm", "(define %selftest-leak \"leaky\")\n" + MinimalOs.Replace("HOST", "%selftest-leak"), ""),
        ("uses-leak.scm", MinimalOs.Replace("HOST", "%selftest-leak"), ""),
        ("loops.scm", "(let loop () (loop))\n", ""),
        ("after-loop.scm", MinimalOs.Replace("HOST", "\"after-loop\""), ""),
        ("exits.scm", "(primitive-exit 7)\n", ""),
        ("after-exit.scm", MinimalOs.Replace("HOST", "\"after-exit\""), ""),
        ("module-with-l.scm", "(use-modules (selftest-site))\n" + MinimalOs.Replace("HOST", "%site-host-name"), ";; guix-differential: load-path modules\n"),
        ("module-without-l.scm", "(use-modules (selftest-site))\n" + MinimalOs.Replace("HOST", "%site-host-name"), ""),
        ("typo.scm", MinimalOs.Replace("(timezone", "(time-zone").Replace("HOST", "\"typo\""), ""),
        ("machines-no-import.scm", "(list (build-machine (name \"b\") (systems '(\"x86_64-linux\")) (user \"u\") (host-key \"ssh-ed25519 AAAA\")))\n", ""),
        ("services-list.scm", "(use-modules (gnu services) (gnu services virtualization))\n(list (service virtual-build-machine-service-type))\n", ""),
        ("services-list-unmet.scm", "(use-modules (gnu services) (gnu services base))\n(list (service guix-publish-service-type))\n", ""),
        ("channels-no-import.scm", "(list (channel (name 'guix) (url \"https://git.guix.gnu.org/guix.git\")))\n", ""),
        ("a-string.scm", "\"just a string\"\n", ""),
    ];

    [Fact]
    public void Guix_side_reads_each_file_on_its_own_as_its_command_would()
    {
        using var session = ReferenceRoot.Enter();
        var folder = session.HostPath(CorpusEntry.InsideCorpus + "/selftest");
        Directory.CreateDirectory(Path.Combine(folder, "modules"));
        File.WriteAllText(Path.Combine(folder, "modules", "selftest-site.scm"),
            "(define-module (selftest-site) #:export (%site-host-name))\n(define %site-host-name \"from-module\")\n");
        var entries = new List<CorpusEntry>();
        foreach (var (name, text, header) in Files)
        {
            File.WriteAllText(Path.Combine(folder, name), header + text);
            entries.Add(CorpusEntry.Parse("selftest/" + name, header + text) with { HostPath = Path.Combine(folder, name) });
        }

        var verdicts = GuixRunner.Run(session, entries, copyCorpus: false, secondsPerFile: 5);
        foreach (var (name, v) in verdicts) output.WriteLine($"{name}: {v.Describe()} [{v.ValueKind}]\n{v.Output}");

        GuixVerdict V(string name) => verdicts["tests/corpus/selftest/" + name];
        V("defines.scm").Verdict.Should().Be("accept");
        V("uses-leak.scm").Verdict.Should().Be("reject", "each file is loaded in a fresh user module");
        V("uses-leak.scm").Message.Should().Contain("%selftest-leak");
        V("loops.scm").Verdict.Should().Be("timeout");
        V("after-loop.scm").Verdict.Should().Be("accept", "the process goes on after a timeout");
        V("exits.scm").Verdict.Should().Be("crash");
        V("after-exit.scm").Verdict.Should().Be("accept", "a new process goes on after a crash");
        V("module-with-l.scm").Verdict.Should().Be("accept", "the load-path header is passed as guix's -L");
        V("module-without-l.scm").Verdict.Should().Be("reject", "a module found through another file's -L must not be visible");
        V("typo.scm").Verdict.Should().Be("reject");
        V("typo.scm").Location.Should().Be(new GuixLocation("tests/corpus/selftest/typo.scm", 2, 0));
        V("typo.scm").Message.Should().Contain("extraneous field initializers (time-zone)");
        V("machines-no-import.scm").ValueKind.Should().Be("machines", "a file guix offload reads is a machines file");
        V("machines-no-import.scm").Verdict.Should().Be("accept");
        V("services-list.scm").ValueKind.Should().Be("services");
        V("services-list.scm").Verdict.Should().Be("accept");
        V("services-list-unmet.scm").ValueKind.Should().Be("services");
        V("services-list-unmet.scm").Verdict.Should().Be("reject", "guix publish needs the guix-daemon Shepherd service, which no service of the list provides");
        V("channels-no-import.scm").ValueKind.Should().Be("channels");
        V("channels-no-import.scm").Verdict.Should().Be("accept");
        V("a-string.scm").Verdict.Should().Be("reject");
        V("a-string.scm").Message.Should().Contain("does not return an operating system");
    }
}
