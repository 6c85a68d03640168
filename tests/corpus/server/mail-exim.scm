;; A relay host running Exim with its default configuration file and the mail aliases service.
(use-modules (gnu))
(use-service-modules mail networking)

(operating-system
  (host-name "relay")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "relay"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service exim-service-type
                   (exim-configuration
                    (config-file #f)))
          (service mail-aliases-service-type '(("root" "ops")))
          %base-services)))
