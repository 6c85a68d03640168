;; A package variant defined in the configuration: hello with a different name and no tests.
(use-modules (gnu) (guix packages) (guix utils))
(use-package-modules base)

(define hello-quick
  (package
    (inherit hello)
    (name "hello-quick")
    (arguments
     (substitute-keyword-arguments (package-arguments hello)
       ((#:tests? _ #f) #f)))))

(operating-system
  (host-name "variant")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "variant"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (packages (cons hello-quick %base-packages))
  (services %base-services))
