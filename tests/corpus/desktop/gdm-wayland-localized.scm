;; A GNOME desktop with GDM on Wayland, a French keyboard everywhere and the guix-home of one user.
(use-modules (gnu) (gnu home) (gnu home services shells))
(use-service-modules desktop guix xorg)

(define %layout (keyboard-layout "fr" "bepo"))

(operating-system
  (host-name "bepo")
  (timezone "Europe/Paris")
  (locale "fr_FR.utf8")
  (keyboard-layout %layout)
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))
               (keyboard-layout %layout)))
  (file-systems (append (list (file-system
                                (device (file-system-label "bepo"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (users (cons (user-account
                (name "margaux")
                (group "users")
                (supplementary-groups '("wheel" "audio" "video")))
               %base-user-accounts))
  (services (cons* (service gnome-desktop-service-type)
                   (service guix-home-service-type
                            `(("margaux" ,(home-environment
                                           (services
                                            (list (service home-bash-service-type)))))))
                   (set-xorg-configuration
                    (xorg-configuration (keyboard-layout %layout)))
                   (modify-services %desktop-services
                     (gdm-service-type config =>
                                       (gdm-configuration
                                        (inherit config)
                                        (wayland? #t)))))))
