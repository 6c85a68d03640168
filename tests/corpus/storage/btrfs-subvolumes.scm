;; A btrfs disk with @, @home and @gnu subvolumes, compressed, the store on its own subvolume.
(use-modules (gnu))

(define %btrfs (file-system-label "tank"))

(define (subvolume name mount-point)
  (file-system
    (device %btrfs)
    (mount-point mount-point)
    (type "btrfs")
    (options (string-append "subvol=" name ",compress=zstd:3"))))

(operating-system
  (host-name "butter")
  (timezone "Europe/Vienna")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (subvolume "@" "/")
                              (subvolume "@home" "/home")
                              (subvolume "@gnu" "/gnu")
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (services %base-services))
