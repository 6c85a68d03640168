;; A RockPro64 (AArch64) booted by U-Boot from an SD card.
(use-modules (gnu) (gnu bootloader u-boot))

(operating-system
  (host-name "rockpro")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader u-boot-rockpro64-rk3399-bootloader)
               (targets '("/dev/mmcblk0"))))
  (file-systems (cons (file-system
                        (device (file-system-label "rock-root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services %base-services))
