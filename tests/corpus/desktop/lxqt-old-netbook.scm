;; An old 32-bit-era netbook revived with LXQt and SDDM instead of GDM.
(use-modules (gnu))
(use-service-modules desktop sddm xorg)

(operating-system
  (host-name "netbook")
  (timezone "Europe/Warsaw")
  (locale "pl_PL.utf8")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))
               (timeout 2)))
  (file-systems (cons (file-system
                        (device (file-system-label "netbook"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (swap-devices (list (swap-space (target "/swapfile"))))
  (users (cons (user-account
                (name "ola")
                (group "users")
                (supplementary-groups '("wheel" "audio" "video")))
               %base-user-accounts))
  (services (cons* (service lxqt-desktop-service-type)
                   (service sddm-service-type
                            (sddm-configuration
                             (display-server "x11")
                             (auto-login-user "ola")
                             (auto-login-session "lxqt.desktop")))
                   (modify-services %desktop-services
                     (delete gdm-service-type)))))
