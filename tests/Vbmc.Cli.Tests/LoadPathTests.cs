using System.Text.Json;
using Vbmc.TestSupport;

namespace Vbmc.Cli.Tests;

/// <summary>
/// Multi-file configurations through the real CLI: user modules from -L folders and
/// add-to-load-path, load and include relative to the including file, reads confined to the
/// configuration's folder and the load path, and getenv/gethostname/file-exists? answered from
/// --env and the configuration's folder only.
/// </summary>
public sealed class LoadPathTests : IDisposable
{
    private readonly string _top = Directory.CreateTempSubdirectory("vbmc-load-path-").FullName;

    public void Dispose() => Directory.Delete(_top, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_top, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private void MultiFileSetup()
    {
        Write("lib/my/vms.scm", """
            (define-module (my vms)
              #:use-module (gnu services)
              #:use-module (gnu services virtualization)
              #:export (vm))
            (define (vm name port)
              (service virtual-build-machine-service-type
                       (virtual-build-machine (name name) (port-forwardings `((,port . 22))))))
            """);
        Write("conf/local/site/ports.scm", "(define-module (site ports) #:export (third-port))\n(define third-port 13022)\n");
        Write("conf/parts/helpers.scm", "(define second-port 12022)\n");
        Write("conf/parts/names.scm", "(define second-name 'second)\n");
        Write("conf/main.scm", """
            (add-to-load-path (string-append (dirname (current-filename)) "/local"))
            (use-modules (my vms) (site ports))
            (load "parts/helpers.scm")
            (include "parts/names.scm")
            (list (vm 'first 11022) (vm second-name second-port) (vm 'third third-port))
            """);
    }

    [Fact]
    public void A_multi_file_setup_checks_and_compiles_with_L_and_the_manifest_lists_every_file_read()
    {
        MultiFileSetup();
        var check = VbmcCli.Run(["check", "-L", Path.Combine(_top, "lib"), Path.Combine(_top, "conf/main.scm")]);
        check.ExitCode.Should().Be(0, check.Stdout + check.Stderr);

        var output = Path.Combine(_top, "out");
        var compile = VbmcCli.Run(["compile", "--load-path", Path.Combine(_top, "lib"), Path.Combine(_top, "conf/main.scm"), "-o", output, "--no-image", "--quiet"]);
        compile.ExitCode.Should().Be(0, compile.Stdout + compile.Stderr);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json")));
        manifest.RootElement.GetProperty("vms").EnumerateArray().Select(v => v.GetProperty("name").GetString())
            .Should().Equal("first", "second", "third");
        var inputs = manifest.RootElement.GetProperty("inputs").EnumerateArray()
            .Select(i => (i.GetProperty("path").GetString(), i.GetProperty("sha256").GetString())).ToList();
        inputs.Select(i => i.Item1).Should().Equal("../lib/my/vms.scm", "local/site/ports.scm", "parts/helpers.scm", "parts/names.scm");
        inputs[2].Item2.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(_top, "conf/parts/helpers.scm")))));
    }

    [Fact]
    public void Without_L_the_module_is_not_found_its_names_are_opaque_and_strict_modules_makes_it_an_error()
    {
        MultiFileSetup();
        var check = VbmcCli.Run(["check", Path.Combine(_top, "conf/main.scm")]);
        check.ExitCode.Should().Be(0, check.Stdout);
        check.Stdout.Should().Contain("warning: module (my vms) not found: the names it gives are not checked")
            .And.Contain("pass -L with the folder that holds it").And.NotContain("Unbound variable");
        var strict = VbmcCli.Run(["check", "--strict-modules", Path.Combine(_top, "conf/main.scm")]);
        strict.ExitCode.Should().Be(1);
        strict.Stdout.Should().Contain("error: module (my vms) not found").And.Contain("Unbound variable: vm");
        var withL = VbmcCli.Run(["check", "--strict-modules", "-L", Path.Combine(_top, "lib"), Path.Combine(_top, "conf/main.scm")]);
        withL.ExitCode.Should().Be(0, withL.Stdout);
    }

    [Fact]
    public void Reads_outside_the_configurations_folder_and_load_path_are_refused_even_through_a_link()
    {
        Write("outside/secret.scm", "(define secret 1)\n");
        Write("conf/main.scm", "(load \"link.scm\")\n(load \"../outside/secret.scm\")\n(list secret)\n");
        File.CreateSymbolicLink(Path.Combine(_top, "conf/link.scm"), Path.Combine(_top, "outside/secret.scm"));
        var check = VbmcCli.Run(["check", Path.Combine(_top, "conf/main.scm")]);
        check.ExitCode.Should().Be(1);
        check.Stdout.Split("is outside the configuration's folder and the load path").Length.Should().Be(3, check.Stdout);
        // With the folder on the load path, the same reads are allowed.
        VbmcCli.Run(["check", "-L", Path.Combine(_top, "outside"), Path.Combine(_top, "conf/main.scm")]).ExitCode.Should().Be(0);
    }

    [Fact]
    public void Host_questions_are_answered_from_env_and_the_configurations_folder_only()
    {
        Write("conf/present.scm", "1\n");
        var file = Write("conf/host.scm", """
            (list (getenv "VBMC_TEST_NAME") (gethostname) (file-exists? "present.scm") (file-exists? "absent.scm") (file-exists? "/etc/hostname"))
            """);
        var bare = VbmcCli.Run(["eval", file]);
        bare.ExitCode.Should().Be(0, bare.Stderr);
        bare.Stdout.Trim().Should().Be("(#f \"localhost\" #t #f #f)");
        bare.Stderr.Should().Contain("(getenv \"VBMC_TEST_NAME\") depends on the host").And.Contain("--env VBMC_TEST_NAME=VALUE")
            .And.Contain("(gethostname) depends on the host").And.Contain("(file-exists? \"/etc/hostname\") asks about the host");
        var given = VbmcCli.Run(["eval", "--env", "VBMC_TEST_NAME=x y", "--env", "HOSTNAME=builder", file]);
        given.Stdout.Trim().Should().Be("(\"x y\" \"builder\" #t #f #f)");
        given.Stderr.Should().NotContain("depends on the host");
        VbmcCli.Run(["eval", "--env", "NOEQUALS", file]).ExitCode.Should().Be(2);
        VbmcCli.Run(["check", "-L", Path.Combine(_top, "no-such-folder"), file]).ExitCode.Should().Be(2);
    }

    [Fact]
    public void Files_beside_the_configuration_are_read_through_ports_and_others_are_unknown_with_a_warning()
    {
        Write("conf/key.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb\nsecond line\n");
        Write("outside/other.txt", "x\n");
        var file = Write("conf/ports.scm", """
            (use-modules (ice-9 rdelim) (rnrs io ports))
            (list (call-with-input-file "key.pub" read-line)
                  (let ((port (open-input-file "key.pub"))) (list (read-line port) (read-line port) (eof-object? (read-line port))))
                  (call-with-input-file "key.pub" get-string-all)
                  (call-with-input-file "../outside/other.txt" read-line))
            """);
        var run = VbmcCli.Run(["eval", file]);
        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().StartWith("(\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb\" (\"ssh-ed25519 ")
            .And.Contain("\"second line\" #t)").And.Contain("#<opaque");
        run.Stderr.Should().Contain("reads a file outside the configuration's folder and the load path");
    }
}
