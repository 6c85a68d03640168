;; A machine on the long-term-support Linux-libre, with extra initrd modules and no microcode.
(use-modules (gnu))
(use-package-modules linux)

(operating-system
  (host-name "stable")
  (timezone "Etc/UTC")
  (kernel linux-libre-lts)
  (kernel-arguments (list "quiet" "mitigations=auto"))
  (initrd-modules (append '("nvme" "xhci_pci") %base-initrd-modules))
  (firmware '())
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "stable"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (services %base-services))
