;; guix-differential: guix-rejects
;; user-account's field is supplementary-groups, not supplementary-group.
(use-modules (gnu))

(operating-system
  (host-name "oops")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets (quote ("/dev/sda")))))
  (file-systems (cons (file-system
                        (device (file-system-label "oops"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "rita")
                (group "users")
                (supplementary-group '("wheel")))
               %base-user-accounts))
  (services %base-services))
