;; A build host with one virtual build machine left entirely at its defaults (2020, 4 cores).
(use-modules (gnu))
(use-service-modules networking ssh virtualization)

(operating-system
  (host-name "builder")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "builder"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service dhcpcd-service-type)
                   (service openssh-service-type)
                   (service virtual-build-machine-service-type)
                   %base-services)))
