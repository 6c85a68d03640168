namespace Vbmc.TestSupport;

/// <summary>Configurations whose build-VM service declares its keys differently (through the fold).</summary>
public static class KeyedBuildVm
{
    /// <summary>A build-VM service type whose vbmc-secret extension is the given procedure's (the others are upstream's).</summary>
    public static string WithSecrets(string secrets, string vmFields = "(name 'keys)") => $$"""
        (use-modules (gnu services) (gnu services virtualization) (srfi srfi-1))
        (define (vm-keys config)
          (let ((folder (string-append "/etc/vbmc/" (symbol->string (virtual-build-machine-name config)))))
            {{secrets}}))
        (define keyed-build-vm-service-type
          (service-type
           (inherit virtual-build-machine-service-type)
           (extensions
            (cons (service-extension vbmc-secret-service-type vm-keys)
                  (remove (lambda (extension) (eq? (service-extension-target extension) vbmc-secret-service-type))
                          (service-type-extensions virtual-build-machine-service-type))))))
        (list (service keyed-build-vm-service-type (virtual-build-machine {{vmFields}})))
        """;

    public const string RootOwnedHostKey = """
        (list (vbmc-secret (vm (virtual-build-machine-name config)) (kind 'guest-host-key)
                           (path (string-append folder "/guest_host_key")) (owner "root"))
              (vbmc-secret (vm (virtual-build-machine-name config)) (kind 'offload-key)
                           (path (string-append folder "/offload_ed25519")) (owner "root")))
        """;

}
