;; mDNS host lookup through the name service switch, with Avahi and nscd caching.
(use-modules (gnu) (gnu system nss))
(use-service-modules avahi networking)

(operating-system
  (host-name "mdns")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "mdns"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (name-service-switch %mdns-host-lookup-nss)
  (services (cons* (service dhcpcd-service-type)
                   (service avahi-service-type)
                   %base-services)))
