;; A virtual-machine guest: SPICE agent for clipboard and resolution, QEMU guest agent.
(use-modules (gnu))
(use-service-modules dbus networking spice virtualization)

(operating-system
  (host-name "guest")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "guest"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service dbus-root-service-type)
          (service spice-vdagent-service-type)
          (service qemu-guest-agent-service-type)
          %base-services)))
