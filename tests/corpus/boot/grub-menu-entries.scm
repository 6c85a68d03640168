;; Legacy BIOS GRUB with an extra menu entry chain-loading another system's kernel.
(use-modules (gnu))

(operating-system
  (host-name "dualboot")
  (timezone "Europe/Stockholm")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))
               (timeout 10)
               (default-entry 0)
               (menu-entries
                (list (menu-entry
                       (label "Other GNU/Linux")
                       (linux "(hd0,msdos3)/boot/vmlinuz")
                       (linux-arguments '("root=/dev/sda3" "ro"))
                       (initrd "(hd0,msdos3)/boot/initrd.img"))))))
  (file-systems (cons (file-system
                        (device (file-system-label "guix-root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services %base-services))
