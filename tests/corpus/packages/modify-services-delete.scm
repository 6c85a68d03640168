;; A server trimmed with modify-services: no virtual terminals besides tty1, no urandom seed,
;; more Guix build accounts, and a different console font.
(use-modules (gnu))
(use-service-modules networking)

(operating-system
  (host-name "trimmed")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "trimmed"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service dhcpcd-service-type)
                  (modify-services %base-services
                    (delete urandom-seed-service-type)
                    (guix-service-type config =>
                                       (guix-configuration
                                        (inherit config)
                                        (build-accounts 20)))
                    (console-font-service-type config =>
                                               (map (lambda (tty+font)
                                                      (cons (car tty+font) "LatGrkCyr-8x16"))
                                                    config))))))
