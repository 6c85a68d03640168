;; A host that records security events with the Linux audit daemon.
(use-modules (gnu))
(use-service-modules auditd networking)

(operating-system
  (host-name "audited")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "audited"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service auditd-service-type)
          %base-services)))
