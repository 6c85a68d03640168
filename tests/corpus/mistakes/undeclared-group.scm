;; guix-differential: guix-rejects
;; A user in the supplementary group 'docker', which no group declaration or service creates.
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
                (name "dev")
                (group "users")
                (supplementary-groups '("wheel" "docker")))
               %base-user-accounts))
  (services %base-services))
