;; A KDE Plasma workstation on Wayland through SDDM.
(use-modules (gnu))
(use-service-modules desktop sddm xorg)

(operating-system
  (host-name "konqi")
  (timezone "Europe/Berlin")
  (locale "de_DE.utf8")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "konqi"))
                                (mount-point "/")
                                (type "btrfs")
                                (options "compress=zstd"))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (users (cons (user-account
                (name "kai")
                (group "users")
                (supplementary-groups '("wheel" "audio" "video" "netdev")))
               %base-user-accounts))
  (services (cons* (service plasma-desktop-service-type)
                   (service sddm-service-type
                            (sddm-configuration
                             (display-server "wayland")))
                   (modify-services %desktop-services
                     (delete gdm-service-type)))))
