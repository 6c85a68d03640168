;; A host running a GNU/Hurd virtual machine (the childhurd) next to a Linux build VM.
(use-modules (gnu))
(use-service-modules networking virtualization)

(operating-system
  (host-name "childhurd-host")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "childhurd-host"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service dhcpcd-service-type)
                   (service hurd-vm-service-type
                            (hurd-vm-configuration
                             (disk-size (* 12 (expt 2 30)))
                             (memory-size 2048)))
                   (service virtual-build-machine-service-type)
                   %base-services)))
