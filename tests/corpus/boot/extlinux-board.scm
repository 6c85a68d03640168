;; An ARM single-board computer booted by extlinux from its SD card.
(use-modules (gnu) (gnu bootloader extlinux))

(operating-system
  (host-name "board")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader extlinux-bootloader)
               (targets '("/dev/mmcblk0"))))
  (kernel-arguments '("console=ttyS2,1500000"))
  (file-systems (cons (file-system
                        (device (file-system-label "board-root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services %base-services))
