;; An infrared remote for a media PC, through LIRC.
(use-modules (gnu))
(use-service-modules lirc networking)

(operating-system
  (host-name "remote")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "remote"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service lirc-service-type
                   (lirc-configuration
                    (device "/dev/lirc0")
                    (driver "default")))
          %base-services)))
