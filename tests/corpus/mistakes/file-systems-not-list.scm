;; guix-differential: guix-rejects
;; file-systems given one file-system instead of a list.
(use-modules (gnu))

(operating-system
  (host-name "single")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (file-system
                  (device (file-system-label "root"))
                  (mount-point "/")
                  (type "ext4")))
  (services %base-services))
