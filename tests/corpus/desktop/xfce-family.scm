;; A family computer running Xfce, with a guest account and the printing system.
(use-modules (gnu))
(use-service-modules cups desktop xorg)
(use-package-modules xfce)

(operating-system
  (host-name "famille")
  (timezone "Europe/Brussels")
  (locale "fr_BE.utf8")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "famille-root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (append (list (user-account
                        (name "parent")
                        (group "users")
                        (supplementary-groups '("wheel" "lp" "lpadmin" "audio" "video")))
                       (user-account
                        (name "invite")
                        (comment "Guest")
                        (group "users")
                        (password "")))
                 %base-user-accounts))
  (services (append (list (service xfce-desktop-service-type)
                          (service cups-service-type
                                   (cups-configuration
                                    (web-interface? #t)
                                    (default-paper-size "A4"))))
                    %desktop-services)))
