;; UEFI GRUB installed at the removable-media path, for firmware that forgets its boot entries.
(use-modules (gnu))

(operating-system
  (host-name "forgetful")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-removable-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "root"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (uuid "0A1B-2C3D" 'fat32))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (services %base-services))
