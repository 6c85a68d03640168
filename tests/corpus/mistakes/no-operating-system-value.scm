;; guix-differential: guix-rejects
;; The file ends with a definition: its value is not an operating system.
(use-modules (gnu))

(define %os
  (operating-system
    (host-name "oops")
    (timezone "Etc/UTC")
    (bootloader (bootloader-configuration
                 (bootloader grub-bootloader)
                 (targets (quote ("/dev/sda")))))
    (file-systems (cons (file-system
                          (device (file-system-label "oops"))
                          (mount-point "/")
                          (type "ext4"))
                        %base-file-systems))
    (services %base-services)))
