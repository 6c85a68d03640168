;; A small-memory machine: compressed swap in RAM (zram), earlyoom, and weekly fstrim.
(use-modules (gnu))
(use-service-modules linux)

(operating-system
  (host-name "lowmem")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "lowmem"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service zram-device-service-type
                            (zram-device-configuration
                             (size "1G")
                             (compression-algorithm 'zstd)))
                   (service earlyoom-service-type
                            (earlyoom-configuration
                             (minimum-available-memory 5)))
                   (service fstrim-service-type)
                   %base-services)))
