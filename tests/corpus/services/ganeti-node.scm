;; A node of a Ganeti virtualisation cluster, with its default OS definitions.
(use-modules (gnu))
(use-service-modules ganeti networking)

(operating-system
  (host-name "ganeti1")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "ganeti1"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service ganeti-service-type
                   (ganeti-configuration
                    (file-storage-paths '("/srv/ganeti/file-storage"))))
          %base-services)))
