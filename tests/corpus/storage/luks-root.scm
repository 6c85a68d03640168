;; A laptop with its root file system inside a LUKS container, unlocked at boot.
(use-modules (gnu))

(operating-system
  (host-name "secret")
  (timezone "Europe/Berlin")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (mapped-devices (list (mapped-device
                         (source (uuid "8e1f4ac3-1b9d-4d77-9b6a-2f5e0c4b7a19"))
                         (target "cryptroot")
                         (type luks-device-mapping))))
  (file-systems (append (list (file-system
                                (device "/dev/mapper/cryptroot")
                                (mount-point "/")
                                (type "ext4")
                                (dependencies mapped-devices))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (services %base-services))
