;; A Shiny application server for R dashboards.
(use-modules (gnu))
(use-service-modules networking science)

(operating-system
  (host-name "shiny")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "shiny"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service rshiny-service-type
                   (rshiny-configuration
                    (package (specification->package "r-shiny"))
                    (binary "dashboard")))
          %base-services)))
