;; guix-differential: guix-rejects
;; The timezone field given twice.
(use-modules (gnu))

(operating-system
  (host-name "twice")
  (timezone "Etc/UTC")
  (timezone "Europe/Paris")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems)))
