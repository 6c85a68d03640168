;; guix-differential: guix-rejects
;; One closing parenthesis too many in the middle of the file.
(use-modules (gnu))

(define %my-services
  (cons (service (@ (gnu services networking) dhcpcd-service-type))
        %base-services)))

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
  (services %my-services))
