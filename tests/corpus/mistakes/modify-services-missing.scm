;; guix-differential: guix-rejects
;; modify-services on a service type absent from the list (GDM in %base-services).
(use-modules (gnu))
(use-service-modules xorg)

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
              (gdm-service-type config =>
                                (gdm-configuration
                                 (inherit config)
                                 (auto-login? #t))))))
