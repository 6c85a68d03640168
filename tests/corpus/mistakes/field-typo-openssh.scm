;; guix-differential: guix-rejects
;; openssh-configuration has no `port' field (it is `port-number').
(use-modules (gnu))
(use-service-modules ssh)

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
                           (openssh-configuration
                            (port 2222)))
                  %base-services)))
