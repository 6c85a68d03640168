;; D-Bus and polkit on a server, for tools that need the system bus.
(use-modules (gnu))
(use-service-modules dbus networking)

(operating-system
  (host-name "bus")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "bus"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service dbus-root-service-type)
          (service polkit-service-type)
          %base-services)))
