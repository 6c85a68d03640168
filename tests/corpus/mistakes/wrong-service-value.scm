;; guix-differential: guix-rejects
;; The SSH service given an nginx configuration as its value.
(use-modules (gnu))
(use-service-modules ssh web)

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
  (services (cons (service openssh-service-type
                           (nginx-configuration))
                  %base-services)))
