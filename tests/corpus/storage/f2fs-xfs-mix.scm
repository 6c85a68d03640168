;; An F2FS root on flash and an XFS data volume with mount options.
(use-modules (gnu))

(operating-system
  (host-name "flash")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "flash"))
                                (mount-point "/")
                                (type "f2fs"))
                              (file-system
                                (device (file-system-label "bulk"))
                                (mount-point "/bulk")
                                (type "xfs")
                                (options "noatime,inode64"))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (services %base-services))
