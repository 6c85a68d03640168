;; guix-differential: guix-rejects
;; A misspelt operating-system field: host-nme.
(use-modules (gnu))

(operating-system
  (host-nme "typo")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "typo"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems)))
