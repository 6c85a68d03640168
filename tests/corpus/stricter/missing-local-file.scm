;; guix-differential: vbmc-stricter 21 keys/bob.pub -- local-file names a file that does not exist; Guix only fails when it builds the system
;; An SSH key file that was never committed next to the configuration.
(use-modules (gnu))
(use-service-modules networking ssh)

(operating-system
  (host-name "lost-key")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "lost-key"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service dhcpcd-service-type)
                   (service openssh-service-type
                            (openssh-configuration
                             (authorized-keys
                              `(("bob" ,(local-file "keys/bob.pub"))))))
                   %base-services)))
