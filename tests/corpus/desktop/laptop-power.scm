;; A long-battery laptop: TLP, thermald and powertop's auto-tune, GNOME without the power-profiles daemon.
(use-modules (gnu))
(use-service-modules desktop pm xorg)

(operating-system
  (host-name "battery")
  (timezone "Europe/Oslo")
  (locale "nb_NO.utf8")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "battery"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (users (cons (user-account
                (name "ingrid")
                (group "users")
                (supplementary-groups '("wheel" "audio" "video" "netdev")))
               %base-user-accounts))
  (services (cons* (service xfce-desktop-service-type)
                   (service tlp-service-type
                            (tlp-configuration
                             (cpu-scaling-governor-on-ac (list "performance"))
                             (cpu-scaling-governor-on-bat (list "powersave"))
                             (sched-powersave-on-bat? #t)))
                   (service thermald-service-type)
                   (service powertop-service-type)
                   %desktop-services)))
