;; guix-differential: guix-rejects
;; A helper procedure called with one argument too few.
(use-modules (gnu))

(define (root-fs label type)
  (file-system
    (device (file-system-label label))
    (mount-point "/")
    (type type)))

(operating-system
  (host-name "arity")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (root-fs "root") %base-file-systems))
  (services %base-services))
