;; Service discovery on the LAN with Avahi, publishing this host's name.
(use-modules (gnu))
(use-service-modules avahi networking)

(operating-system
  (host-name "zeroconf")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "zeroconf"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service avahi-service-type
                   (avahi-configuration
                    (publish? #t)
                    (publish-workstation? #f)))
          %base-services)))
