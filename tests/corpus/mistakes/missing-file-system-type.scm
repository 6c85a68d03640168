;; guix-differential: guix-rejects
;; A file system without its type.
(use-modules (gnu))

(operating-system
  (host-name "notype")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/"))
                      %base-file-systems)))
