;; A caching resolver for an office with Knot Resolver.
(use-modules (gnu))
(use-service-modules dns networking)

(operating-system
  (host-name "resolver")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "resolver"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service knot-resolver-service-type
                   (knot-resolver-configuration
                    (kresd-config-file
                     (plain-file "kresd.conf"
                                 "net.listen('10.0.0.2', 53)
cache.size = 100 * MB
"))))
          %base-services)))
