;; Two LUKS devices: a root by UUID and a home by label, both with the same helper.
(use-modules (gnu))

(define (luks source name)
  (mapped-device
   (source source)
   (target name)
   (type luks-device-mapping)))

(define %root (luks (uuid "0b5a8c62-3d6f-4e2a-9f41-7a2c9d1e8b30") "root"))
(define %home (luks "/dev/nvme0n1p3" "home"))

(operating-system
  (host-name "twolocks")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (mapped-devices (list %root %home))
  (file-systems (append (list (file-system
                                (device "/dev/mapper/root")
                                (mount-point "/")
                                (type "ext4")
                                (dependencies (list %root)))
                              (file-system
                                (device "/dev/mapper/home")
                                (mount-point "/home")
                                (type "ext4")
                                (dependencies (list %home)))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (services %base-services))
