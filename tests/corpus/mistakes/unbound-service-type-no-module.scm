;; guix-differential: guix-rejects
;; nginx-service-type is used but (gnu services web) is never imported.
(use-modules (gnu))
(use-service-modules networking)

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
  (services (cons* (service dhcpcd-service-type)
                   (service nginx-service-type)
                   %base-services)))
