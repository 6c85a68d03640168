;; LUKS inside an LVM logical volume: the encrypted root depends on the volume group.
(use-modules (gnu))

(define %vg
  (mapped-device
   (source "matrix")
   (targets (list "matrix-cryptroot"))
   (type lvm-device-mapping)))

(define %root-crypt
  (mapped-device
   (source "/dev/mapper/matrix-cryptroot")
   (target "root")
   (type luks-device-mapping)))

(operating-system
  (host-name "nested")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (mapped-devices (list %vg %root-crypt))
  (file-systems (append (list (file-system
                                (device "/dev/mapper/root")
                                (mount-point "/")
                                (type "ext4")
                                (dependencies (list %vg %root-crypt)))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (services %base-services))
