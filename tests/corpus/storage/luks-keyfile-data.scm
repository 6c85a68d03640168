;; A LUKS data disk opened with a key file at boot, mounted on /data.
(use-modules (gnu))

(define %data
  (mapped-device
   (source "/dev/sdb1")
   (target "data")
   (type luks-device-mapping)
   (arguments '(#:key-file "/etc/keys/data.key"))))

(operating-system
  (host-name "vaulted")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (mapped-devices (list %data))
  (file-systems (append (list (file-system
                                (device (file-system-label "vaulted"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device "/dev/mapper/data")
                                (mount-point "/data")
                                (type "ext4")
                                (dependencies (list %data))))
                        %base-file-systems))
  (services %base-services))
