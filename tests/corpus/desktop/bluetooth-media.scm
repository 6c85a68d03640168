;; A living-room media PC: GNOME, Bluetooth with auto-enable, the game controller daemon.
(use-modules (gnu))
(use-service-modules desktop games xorg)

(operating-system
  (host-name "salon")
  (timezone "Europe/Madrid")
  (locale "es_ES.utf8")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "salon"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (users (cons (user-account
                (name "tv")
                (group "users")
                (supplementary-groups '("audio" "video" "input" "lp")))
               %base-user-accounts))
  (services (cons* (service gnome-desktop-service-type)
                   (service bluetooth-service-type
                            (bluetooth-configuration
                             (auto-enable? #t)))
                   (service joycond-service-type)
                   %desktop-services)))
