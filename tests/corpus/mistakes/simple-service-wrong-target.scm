;; guix-differential: guix-rejects
;; simple-service extending a service type that takes no extensions (hosts entries are fine,
;; but the sysctl service is extended with a string instead of an alist).
(use-modules (gnu))
(use-service-modules sysctl)

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
  (services (cons (simple-service 'forwarding sysctl-service-type
                                  "net.ipv4.ip_forward=1")
                  %base-services)))
