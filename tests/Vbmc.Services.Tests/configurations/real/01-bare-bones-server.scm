;; expect: ok
;; A small headless server in the style of the manual's bare-bones template: one user, a DHCP
;; client and an SSH server on a non-standard port, everything else from %base-services.
(use-modules (gnu))
(use-service-modules networking ssh)
(use-package-modules screen ssh)

(operating-system
  (host-name "stoat")
  (timezone "Europe/Paris")
  (locale "fr_FR.utf8")

  ;; Legacy BIOS boot on the first disk.
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/vda"))))
  (kernel-arguments (list "console=ttyS0,115200"))
  (file-systems (cons (file-system
                        (device (file-system-label "stoat-root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))

  (users (cons (user-account
                (name "camille")
                (comment "Camille Martin")
                (group "users")
                (supplementary-groups '("wheel" "audio" "video")))
               %base-user-accounts))

  (packages (cons screen %base-packages))

  (services (append (list (service dhcp-client-service-type)
                          (service openssh-service-type
                                   (openssh-configuration
                                    (openssh openssh-sans-x)
                                    (port-number 2222))))
                    %base-services)))
