;; guix-differential: guix-rejects
;; users given one account instead of a list.
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
  (users (user-account
          (name "solo")
          (group "users")))
  (services %base-services))
