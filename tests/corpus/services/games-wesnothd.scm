;; A Wesnoth multiplayer server.
(use-modules (gnu))
(use-service-modules games networking)

(operating-system
  (host-name "wesnoth")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "wesnoth"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service wesnothd-service-type
                   (wesnothd-configuration
                    (port 15000)))
          %base-services)))
