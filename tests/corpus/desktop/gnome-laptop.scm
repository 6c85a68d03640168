;; A GNOME laptop with UEFI boot, an encrypted home and the default desktop services.
(use-modules (gnu))
(use-service-modules desktop networking xorg)
(use-package-modules gnome)

(operating-system
  (host-name "marmotte")
  (timezone "Europe/Zurich")
  (locale "de_CH.utf8")
  (keyboard-layout (keyboard-layout "ch" "fr"))
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))
               (keyboard-layout keyboard-layout)))
  (file-systems (append (list (file-system
                                (device (file-system-label "marmotte"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (uuid "5E2B-1F3C" 'fat))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (users (cons (user-account
                (name "lea")
                (comment "Léa Favre")
                (group "users")
                (supplementary-groups '("wheel" "netdev" "audio" "video")))
               %base-user-accounts))
  (services (cons* (service gnome-desktop-service-type)
                   (set-xorg-configuration
                    (xorg-configuration (keyboard-layout keyboard-layout)))
                   %desktop-services)))
