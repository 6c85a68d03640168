;; A GNU/Hurd system (i586-gnu) for QEMU, with an SSH server; its base services include the
;; Hurd console and gettys.
(use-modules (gnu) (gnu system hurd))
(use-service-modules hurd ssh)
(use-package-modules ssh)

(operating-system
  (inherit %hurd-default-operating-system)
  (host-name "gnumach")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-minimal-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "hurd-root"))
                        (mount-point "/")
                        (type "ext2"))
                      %base-file-systems))
  (packages (cons openssh-sans-x %base-packages/hurd))
  (services (cons (service openssh-service-type
                           (openssh-configuration
                            (openssh openssh-sans-x)
                            (port-number 2222)))
                  %base-services+qemu-networking/hurd)))
