;; A continuous-integration box running Laminar.
(use-modules (gnu))
(use-service-modules ci networking)

(operating-system
  (host-name "laminar")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "laminar"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service laminar-service-type
                   (laminar-configuration
                    (title "Example CI")
                    (bind-http "*:8080")))
          %base-services)))
