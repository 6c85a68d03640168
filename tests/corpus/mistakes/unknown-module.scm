;; guix-differential: guix-rejects
;; A service module that does not exist.
(use-modules (gnu))
(use-service-modules networking teleportation)

(operating-system
  (host-name "oops")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets (quote ("/dev/sda")))))
  (file-systems (cons (file-system
                        (device (file-system-label "oops"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service dhcpcd-service-type) %base-services)))
