;; expect: ok
;; A GNOME laptop: %desktop-services with the Guix daemon pointed at an extra substitute server
;; whose signing key ships next to this file.
(use-modules (gnu) (gnu system nss))
(use-service-modules desktop networking ssh xorg)
(use-package-modules certs gnome)

(define %extra-substitute-urls
  '("https://substitutes.example.org"))

(operating-system
  (host-name "lapin")
  (timezone "America/Montreal")
  (locale "en_CA.utf8")
  (keyboard-layout (keyboard-layout "ca" "fr"))

  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))
               (keyboard-layout keyboard-layout)))
  (file-systems (append (list (file-system
                                (device (file-system-label "lapin-root"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (uuid "1234-ABCD" 'fat))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))

  (users (cons (user-account
                (name "noor")
                (comment "Noor")
                (group "users")
                (supplementary-groups '("wheel" "netdev" "audio" "video")))
               %base-user-accounts))

  (packages (cons* (specification->package "gnome-tweaks")
                   (specification->package "nss-certs")
                   %base-packages))

  (services
   (cons* (service gnome-desktop-service-type)
          (set-xorg-configuration
           (xorg-configuration (keyboard-layout keyboard-layout)))
          (modify-services %desktop-services
            (guix-service-type config =>
                               (guix-configuration
                                (inherit config)
                                (substitute-urls
                                 (append %extra-substitute-urls
                                         %default-substitute-urls))
                                (authorized-keys
                                 (cons (local-file "keys/substitutes.example.org.pub")
                                       %default-authorized-guix-keys)))))))

  (name-service-switch %mdns-host-lookup-nss))
