;; Encrypted home folders mounted at login with pam_mount.
(use-modules (gnu))
(use-service-modules networking pam-mount)

(operating-system
  (host-name "pmount")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "pmount"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service pam-mount-service-type
                   (pam-mount-configuration
                    (rules '((debug (@ (enable "0")))
                                   (volume (@ (user "ana")
                                              (fstype "crypt")
                                              (path "/dev/sda3")
                                              (mountpoint "/home/ana")))
                                   (mntoptions (@ (allow "nosuid,nodev,loop,encryption,fsck,nonempty,allow_root,allow_other")))
                                   (mntoptions (@ (require "nosuid,nodev")))
                                   (logout (@ (wait "0") (hup "0") (term "no") (kill "no")))
                                   (mkmountpoint (@ (enable "1") (remove "true")))))))
          %base-services)))
