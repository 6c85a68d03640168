;; LVM: a volume group with root and home logical volumes.
(use-modules (gnu))

(define %volumes
  (mapped-device
   (source "vg0")
   (targets (list "vg0-root" "vg0-home"))
   (type lvm-device-mapping)))

(operating-system
  (host-name "lvm")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (mapped-devices (list %volumes))
  (file-systems (append (list (file-system
                                (device "/dev/mapper/vg0-root")
                                (mount-point "/")
                                (type "ext4")
                                (dependencies (list %volumes)))
                              (file-system
                                (device "/dev/mapper/vg0-home")
                                (mount-point "/home")
                                (type "ext4")
                                (dependencies (list %volumes))))
                        %base-file-systems))
  (services %base-services))
