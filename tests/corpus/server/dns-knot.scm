;; An authoritative DNS server with Knot: one primary zone notifying a secondary.
(use-modules (gnu))
(use-service-modules dns networking)

(define %secondary
  (knot-remote-configuration
   (id "secondary")
   (address (list "192.0.2.54"))))

(define %transfer-acl
  (knot-acl-configuration
   (id "transfer")
   (address (list "192.0.2.54"))
   (action '(transfer))))

(define %zone
  (zone-file
   (origin "example.net")
   (entries
    (list (zone-entry (name "@") (type "NS") (data "ns1"))
          (zone-entry (name "ns1") (type "A") (data "192.0.2.53"))
          (zone-entry (name "www") (type "A") (data "192.0.2.80"))))))

(operating-system
  (host-name "ns1")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/vda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "ns1"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service knot-service-type
                   (knot-configuration
                    (remotes (list %secondary))
                    (acls (list %transfer-acl))
                    (zones (list (knot-zone-configuration
                                  (domain "example.net")
                                  (zone %zone)
                                  (notify '("secondary"))
                                  (acl '("transfer")))))))
          %base-services)))
