;; A rack server with a static IPv4 and IPv6 address, a default route for each and a resolver.
(use-modules (gnu))
(use-service-modules networking ssh)

(operating-system
  (host-name "rack12")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "rack12"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service static-networking-service-type
                   (list (static-networking
                          (addresses
                           (list (network-address
                                  (device "eno1")
                                  (value "198.51.100.12/24"))
                                 (network-address
                                  (device "eno1")
                                  (value "2001:db8::12/64"))))
                          (routes
                           (list (network-route
                                  (destination "default")
                                  (gateway "198.51.100.1"))
                                 (network-route
                                  (destination "default")
                                  (gateway "2001:db8::1"))))
                          (name-servers '("198.51.100.53" "2001:db8::53")))))
          (service openssh-service-type)
          %base-services)))
