;; GRUB installed on both disks of a mirrored pair, so that either disk boots alone.
(use-modules (gnu))

(operating-system
  (host-name "mirror-boot")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda" "/dev/sdb"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services %base-services))
