;; A UPS-protected server: apcupsd shuts the system down when the battery runs low.
(use-modules (gnu))
(use-service-modules networking power)

(operating-system
  (host-name "ups")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "ups"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service apcupsd-service-type
                   (apcupsd-configuration
                    (battery-level 10)
                    (remaining-minutes 5)))
          %base-services)))
