;; GRUB with a custom resolution and colours in its theme.
(use-modules (gnu))

(operating-system
  (host-name "themed")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))
               (theme (grub-theme
                       (inherit (grub-theme))
                       (gfxmode '("1920x1080x32" "auto"))
                       (color-normal '((fg . light-gray) (bg . black)))
                       (color-highlight '((fg . white) (bg . blue)))))))
  (file-systems (append (list (file-system
                                (device (file-system-label "root"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (services %base-services))
