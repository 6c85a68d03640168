;; guix-differential: vbmc-stricter 17 name -- an account with an empty name; Guix only fails when the activation script runs useradd
;; An account whose name was left empty.
(use-modules (gnu))

(operating-system
  (host-name "nameless")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "nameless"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "")
                (group "users"))
               %base-user-accounts))
  (services %base-services))
