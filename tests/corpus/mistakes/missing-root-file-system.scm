;; guix-differential: guix-rejects
;; An operating-system with no file system mounted on /: Guix refuses it while making its
;; services ("missing root file system").
(use-modules (gnu))
(operating-system
  (host-name "noroot")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "data"))
                        (mount-point "/data")
                        (type "ext4"))
                      %base-file-systems))
  (services %base-services))
