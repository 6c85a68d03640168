;; guix-differential: guix-rejects
;; Two services give the same /etc file: Guix refuses the duplicate entry while folding.
(use-modules (gnu))
(operating-system
  (host-name "dupetc")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (simple-service 'motd-a etc-service-type
                                   (list `("motd.d/site" ,(plain-file "site" "A\n"))))
                   (simple-service 'motd-b etc-service-type
                                   (list `("motd.d/site" ,(plain-file "site" "B\n"))))
                   %base-services)))
