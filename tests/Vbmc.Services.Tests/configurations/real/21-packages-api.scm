;; expect: ok
;; (guix packages) in a system configuration: a kernel built with customize-linux, a package
;; variant with inherit and a patched origin, and a package transformation.
(use-modules (gnu) (guix packages) (guix download) (guix transformations)
             (guix build-system gnu) ((guix licenses) #:prefix license:))
(use-package-modules base linux)

(define my-hello
  (package
    (inherit hello)
    (name "my-hello")
    (source (origin
              (inherit (package-source hello))
              (patches (list (local-file "keys/alice.pub")))))))

(define transform
  (options->transformation '((with-debug-info . "hello"))))

(define my-kernel
  (customize-linux #:linux linux-libre
                   #:configs '("CONFIG_KVM=y")))

(operating-system
  (host-name "iltis")
  (kernel my-kernel)
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/vda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (packages (append (list my-hello (transform hello)
                          (package
                            (name "fetched")
                            (version "1.0")
                            (source (origin
                                      (method url-fetch)
                                      (uri "https://example.org/fetched-1.0.tar.gz")
                                      (sha256 (base32 "0ssi1wpaf7plaswqqjwigppsg5fyh99vdlb9kzl7c9lng89ndq1i"))))
                            (build-system gnu-build-system)
                            (synopsis "An example")
                            (description "An example package.")
                            (home-page "https://example.org")
                            (license license:gpl3+)))
                    %base-packages)))
