;; guix-differential: guix-rejects
;; A swap file on a system whose service list leaves out %base-services: on Linux, Guix's swap
;; service requires udev, which nothing provides then.
(use-modules (gnu))
(use-service-modules networking ssh)

(operating-system
  (host-name "lean")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "lean"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (swap-devices (list (swap-space (target "/swapfile"))))
  (services (list (service dhcpcd-service-type)
                  (service openssh-service-type))))
