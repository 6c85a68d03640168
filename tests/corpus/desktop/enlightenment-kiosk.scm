;; A public kiosk with Enlightenment; GDM logs the kiosk account in automatically.
(use-modules (gnu))
(use-service-modules desktop xorg)

(operating-system
  (host-name "kiosk")
  (timezone "Asia/Tokyo")
  (locale "ja_JP.utf8")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/vda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "kiosk"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "kiosk")
                (group "users")
                (home-directory "/home/kiosk"))
               %base-user-accounts))
  (services (cons* (service enlightenment-desktop-service-type)
                   (modify-services %desktop-services
                     (gdm-service-type config =>
                                       (gdm-configuration
                                        (inherit config)
                                        (auto-login? #t)
                                        (default-user "kiosk")))))))
