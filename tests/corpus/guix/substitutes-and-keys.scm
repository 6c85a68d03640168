;; The Guix daemon with an extra substitute server whose key ships with this configuration.
(use-modules (gnu))
(use-service-modules networking)

(operating-system
  (host-name "subst")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "subst"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service dhcpcd-service-type)
                  (modify-services %base-services
                    (guix-service-type config =>
                                       (guix-configuration
                                        (inherit config)
                                        (substitute-urls
                                         (append (list "https://substitutes.example.org")
                                                 %default-substitute-urls))
                                        (authorized-keys
                                         (append (list (local-file "../support/keys/substitutes.example.org.pub"))
                                                 %default-authorized-guix-keys))))))))
