;; File systems named by UUID: ext4 root, a separate /var and the EFI partition.
(use-modules (gnu))

(operating-system
  (host-name "uuids")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (file-system
                                (device (uuid "1c5d2b6a-8a4e-4f7e-9c3b-0d2e6f8a9b10"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (uuid "9f0e8d7c-6b5a-4938-a271-605f4e3d2c1b" 'ext4))
                                (mount-point "/var")
                                (type "ext4"))
                              (file-system
                                (device (uuid "4D3C-2B1A" 'fat32))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (services %base-services))
