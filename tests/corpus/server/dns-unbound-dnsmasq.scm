;; A home router's name services: dnsmasq for the LAN (DHCP off) forwarding to a local Unbound.
(use-modules (gnu))
(use-service-modules dns networking)

(operating-system
  (host-name "gateway")
  (timezone "Europe/Lisbon")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "gateway"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service unbound-service-type
                   (unbound-configuration
                    (server (unbound-server
                             (interface '("127.0.0.1@5353"))
                             (extra-options '((hide-identity . "yes")))))))
          (service dnsmasq-service-type
                   (dnsmasq-configuration
                    (no-resolv? #t)
                    (servers '("127.0.0.1#5353"))
                    (listen-addresses '("192.168.1.1"))
                    (cache-size 1000)))
          %base-services)))
