;; A dictionary server (DICT protocol) serving the GCIDE dictionary.
(use-modules (gnu))
(use-service-modules dict networking)

(operating-system
  (host-name "dict")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "dict"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service dicod-service-type
                   (dicod-configuration
                    (handlers (list (dicod-handler
                                     (name "gcide")
                                     (module "gcide")
                                     (options '("dbdir=/var/lib/gcide"
                                                "idxdir=/var/run/dicod")))))
                    (databases (list (dicod-database
                                      (name "gcide")
                                      (handler "gcide")
                                      (complex? #t)
                                      (options '("dbdir=/var/lib/gcide")))))))
          %base-services)))
