;; A teaching-lab machine with LightDM's GTK greeter and Xfce.
(use-modules (gnu))
(use-service-modules desktop lightdm xorg)

(operating-system
  (host-name "lab-07")
  (timezone "America/Sao_Paulo")
  (locale "pt_BR.utf8")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "lab"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "aluno")
                (group "users"))
               %base-user-accounts))
  (services (cons* (service xfce-desktop-service-type)
                   (service lightdm-service-type
                            (lightdm-configuration
                             (allow-empty-passwords? #f)
                             (xdmcp? #f)))
                   (modify-services %desktop-services
                     (delete gdm-service-type)))))
