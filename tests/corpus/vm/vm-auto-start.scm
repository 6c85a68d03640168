;; Two build VMs: one started at boot, one started by hand with `herd start'.
(use-modules (gnu))
(use-service-modules networking virtualization)

(operating-system
  (host-name "farmhand")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "farmhand"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service dhcpcd-service-type)
                   (service virtual-build-machine-service-type
                            (virtual-build-machine
                             (name 'always)
                             (auto-start? #t)))
                   (service virtual-build-machine-service-type
                            (virtual-build-machine
                             (name 'on-demand)
                             (auto-start? #f)
                             (port-forwardings '((11122 . 22) (11144 . 1004)))))
                   %base-services)))
