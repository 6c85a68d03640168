;; Services that extend the Guix daemon's configuration with guix-extension: one adds a
;; substitute server, one a build machine.
(use-modules (gnu))
(use-service-modules networking)

(define %extra-substitutes
  (simple-service 'extra-substitutes guix-service-type
                  (guix-extension
                   (substitute-urls (list "https://cache.example.net"))
                   (authorized-keys (list (local-file "../support/keys/substitutes.example.org.pub"))))))

(define %extra-machine
  (simple-service 'extra-machine guix-service-type
                  (guix-extension
                   (build-machines
                    (list #~(build-machine
                             (name "big.example.net")
                             (systems (list "x86_64-linux"))
                             (user "offload")
                             (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb root@builder")))))))

(operating-system
  (host-name "extended")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "extended"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service dhcpcd-service-type)
                   %extra-substitutes
                   %extra-machine
                   %base-services)))
