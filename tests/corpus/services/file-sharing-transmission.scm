;; A seedbox: the Transmission daemon with its RPC on the LAN only.
(use-modules (gnu))
(use-service-modules file-sharing networking)

(operating-system
  (host-name "seedbox")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "seedbox"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service transmission-daemon-service-type
                   (transmission-daemon-configuration
                    (download-dir "/srv/torrents")
                    (rpc-authentication-required? #t)
                    (rpc-username "seed")
                    (rpc-password "{b7d7a8c9e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4")
                    (rpc-whitelist '("127.0.0.1" "192.168.1.*"))))
          %base-services)))
