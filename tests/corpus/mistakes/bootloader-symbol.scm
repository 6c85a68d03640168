;; guix-differential: guix-rejects
;; The bootloader field given a symbol instead of a bootloader-configuration.
(use-modules (gnu))

(operating-system
  (host-name "sym")
  (timezone "Etc/UTC")
  (bootloader 'grub)
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems)))
