;; Software RAID 1 over two partitions, assembled at boot, holding the root file system.
(use-modules (gnu))

(define %md0
  (mapped-device
   (source (list "/dev/sda1" "/dev/sdb1"))
   (target "/dev/md0")
   (type raid-device-mapping)))

(operating-system
  (host-name "raid")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda" "/dev/sdb"))))
  (initrd-modules (cons "raid1" %base-initrd-modules))
  (mapped-devices (list %md0))
  (file-systems (cons (file-system
                        (device "/dev/md0")
                        (mount-point "/")
                        (type "ext4")
                        (dependencies (list %md0)))
                      %base-file-systems))
  (services %base-services))
