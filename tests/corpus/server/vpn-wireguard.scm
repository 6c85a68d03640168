;; A WireGuard hub for three road-warrior peers.
(use-modules (gnu))
(use-service-modules networking vpn)

(define (peer name key address)
  (wireguard-peer
   (name name)
   (public-key key)
   (allowed-ips (list address))))

(operating-system
  (host-name "hub")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/vda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "hub"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service wireguard-service-type
                   (wireguard-configuration
                    (addresses '("10.9.0.1/24"))
                    (port 51820)
                    (peers
                     (list (peer "phone" "VmgZ7p5xQ2m8bGL0oF1tWk3aS9dH4jR6cY0uE2iN8xo=" "10.9.0.2/32")
                           (peer "laptop" "Cq3nT8vJ1rL5wE9yB2kF6hM0pX4sD7gA1zU5oI3eR9c=" "10.9.0.3/32")
                           (peer "tablet" "Hk6bW2qN9tY4mR8vL1cF5jD0sX3gP7aE2uZ6oI9nT4w=" "10.9.0.4/32")))))
          %base-services)))
