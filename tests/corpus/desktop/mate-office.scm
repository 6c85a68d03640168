;; An office workstation with MATE, an NTP server of the company and a fixed keyboard layout.
(use-modules (gnu))
(use-service-modules desktop networking xorg)

(define %office-layout (keyboard-layout "us" "altgr-intl"))

(operating-system
  (host-name "desk-042")
  (timezone "America/New_York")
  (keyboard-layout %office-layout)
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))
               (keyboard-layout %office-layout)))
  (file-systems (append (list (file-system
                                (device (file-system-label "desk-root"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (file-system-label "ESP"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (users (cons (user-account
                (name "jsmith")
                (comment "John Smith")
                (group "users")
                (supplementary-groups '("audio" "video")))
               %base-user-accounts))
  (services (cons* (service mate-desktop-service-type)
                   (set-xorg-configuration
                    (xorg-configuration (keyboard-layout %office-layout)))
                   (modify-services %desktop-services
                     (ntp-service-type config =>
                                       (ntp-configuration
                                        (inherit config)
                                        (servers
                                         (list (ntp-server
                                                (type 'server)
                                                (address "ntp.corp.example.com")
                                                (options '("iburst")))))))))))
