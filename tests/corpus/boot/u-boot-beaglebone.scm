;; A BeagleBone Black booted by U-Boot from the eMMC, with a serial getty.
(use-modules (gnu) (gnu bootloader u-boot))
(use-service-modules networking)

(operating-system
  (host-name "bone")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader u-boot-beaglebone-black-bootloader)
               (targets '("/dev/mmcblk1"))))
  (initrd-modules (cons "omap_hsmmc" %base-initrd-modules))
  (file-systems (cons (file-system
                        (device (file-system-label "bone-root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service agetty-service-type
                            (agetty-configuration
                             (extra-options '("-L"))
                             (baud-rate "115200")
                             (term "vt100")
                             (tty "ttyO0")))
                   (service dhcpcd-service-type)
                   %base-services)))
