;; Smart-card support (PC/SC daemon) for a workstation with a card reader.
(use-modules (gnu))
(use-service-modules networking security-token)

(operating-system
  (host-name "cards")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "cards"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service pcscd-service-type)
          %base-services)))
