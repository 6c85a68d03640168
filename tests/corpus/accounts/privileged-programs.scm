;; Extra setuid and capability programs: ping with CAP_NET_RAW, and a setuid mount helper.
(use-modules (gnu) (gnu system privilege))
(use-package-modules linux nfs)

(operating-system
  (host-name "caps")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "caps"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (privileged-programs
   (append (list (privileged-program
                  (program (file-append nfs-utils "/sbin/mount.nfs"))
                  (setuid? #t)))
           %default-privileged-programs))
  (services %base-services))
