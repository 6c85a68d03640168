;; expect: ok
;; A desktop in the style of Guix's desktop template: %desktop-services with an X server
;; configuration, a keyboard layout, SDDM instead of GDM, and X.Org packages.
(use-modules (gnu) (gnu services xorg) (gnu services sddm))
(use-service-modules desktop networking ssh)
(use-package-modules certs gnome xorg xdisorg)

(define %layout (keyboard-layout "de" "nodeadkeys"))

(operating-system
  (host-name "dachs")
  (timezone "Europe/Vienna")
  (keyboard-layout %layout)
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))
               (keyboard-layout %layout)))
  (file-systems (append (list (file-system
                                (device (file-system-label "dachs-root"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (uuid "1234-ABCD" 'fat))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (users (cons (user-account
                (name "kim")
                (group "users")
                (supplementary-groups '("wheel" "audio" "video")))
               %base-user-accounts))
  (packages (append (list xterm xrandr setxkbmap xorg-server rofi)
                    %base-packages))
  (services (append (list (service xorg-server-service-type)
                          (service sddm-service-type)
                          (set-xorg-configuration
                           (xorg-configuration (keyboard-layout %layout))
                           sddm-service-type)
                          (service openssh-service-type))
                    (modify-services %desktop-services
                      (delete gdm-service-type)))))
