;; guix-differential: guix-rejects
;; A service type where a service belongs: (service ...) was forgotten.
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
  (services (cons dhcpcd-service-type %base-services)))
