;; Guix System with the Nix daemon too, for the occasional Nix package.
(use-modules (gnu))
(use-service-modules networking nix)

(operating-system
  (host-name "nixy")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "nixy"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service nix-service-type
                   (nix-configuration
                    (extra-config (list "experimental-features = nix-command flakes\n"))))
          %base-services)))
