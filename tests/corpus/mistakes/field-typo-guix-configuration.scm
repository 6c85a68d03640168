;; guix-differential: guix-rejects
;; guix-configuration's field is substitute-urls; substitutes-urls does not exist.
(use-modules (gnu))

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
  (services (modify-services %base-services
              (guix-service-type config =>
                                 (guix-configuration
                                  (inherit config)
                                  (substitutes-urls '("https://cache.example.org")))))))
