;; A workstation in the style of Guix's desktop template: users, packages, desktop services,
;; SSH with an authorized key, a tweaked guix-daemon and an offload build machine.
(use-modules (gnu) (gnu system nss) (guix scripts offload))
(use-service-modules desktop networking ssh xorg cups docker)
(use-package-modules certs gnome vim version-control ssh admin)

(operating-system
  (host-name "antelope")
  (timezone "Europe/Paris")
  (locale "en_US.utf8")
  (keyboard-layout (keyboard-layout "us" "altgr-intl"))
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))
               (keyboard-layout keyboard-layout)))
  (file-systems (append
                 (list (file-system
                         (device (file-system-label "my-root"))
                         (mount-point "/")
                         (type "ext4"))
                       (file-system
                         (device (uuid "1234-ABCD" 'fat))
                         (mount-point "/boot/efi")
                         (type "vfat")))
                 %base-file-systems))
  (swap-devices (list (swap-space (target "/swapfile"))))
  (users (cons (user-account
                (name "bob")
                (comment "Alice's brother")
                (group "users")
                (supplementary-groups '("wheel" "netdev" "audio" "video")))
               %base-user-accounts))
  (packages (append (list vim git (list git "send-email") openssh)
                    %base-packages))
  (services (append (list (service gnome-desktop-service-type)
                          (service xfce-desktop-service-type)
                          (service cups-service-type
                                   (cups-configuration (web-interface? #t)))
                          (service docker-service-type)
                          (service openssh-service-type
                                   (openssh-configuration
                                    (port-number 2222)
                                    (permit-root-login 'prohibit-password)
                                    (authorized-keys
                                     `(("bob" ,(plain-file "bob.pub" "ssh-ed25519 AAAA bob@example")))))))
                    (modify-services %desktop-services
                      (guix-service-type config =>
                                         (guix-configuration
                                          (inherit config)
                                          (substitute-urls (cons "https://guix.example.org"
                                                                 %default-substitute-urls))
                                          (build-machines
                                           (list (build-machine
                                                  (name "fast.example.org")
                                                  (systems '("x86_64-linux"))
                                                  (user "offload")
                                                  (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG+KBiVUUkdxVQ3aIDeEsRDRyygnCdOsq3ZNgKsJ+rzd")))))))))
  (name-service-switch %mdns-host-lookup-nss))
