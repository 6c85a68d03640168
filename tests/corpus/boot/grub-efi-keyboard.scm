;; UEFI GRUB with a Dvorak keyboard layout for typing the disk passphrase.
(use-modules (gnu))

(define %dvorak (keyboard-layout "us" "dvorak"))

(operating-system
  (host-name "dvorak")
  (timezone "America/Chicago")
  (keyboard-layout %dvorak)
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))
               (keyboard-layout %dvorak)))
  (file-systems (append (list (file-system
                                (device (file-system-label "dvorak"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (services %base-services))
