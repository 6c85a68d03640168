;; expect: ok
;; A build server that trusts a second substitute server through a guix-extension instead of
;; rewriting guix-configuration, and lets builds see /etc/ssl inside their chroot.
(use-modules (gnu))
(use-service-modules base networking ssh)

(define substitutes-example
  (simple-service 'substitutes-example guix-service-type
                  (guix-extension
                   (substitute-urls '("https://substitutes.example.org"))
                   (authorized-keys
                    (list (local-file "keys/substitutes.example.org.pub"))))))

(define ssl-in-chroot
  (simple-service 'ssl-in-chroot guix-service-type
                  (guix-extension
                   (chroot-directories '("/etc/ssl")))))

(operating-system
  (host-name "forge")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "forge-root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (append (list (service dhcp-client-service-type)
                          (service openssh-service-type)
                          substitutes-example
                          ssl-in-chroot)
                    %base-services)))
