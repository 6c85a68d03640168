;; A custom sudoers file: the ops group may restart services without a password.
(use-modules (gnu))

(operating-system
  (host-name "ops")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "ops"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (groups (cons (user-group (name "ops")) %base-groups))
  (users (cons (user-account
                (name "oncall")
                (group "users")
                (supplementary-groups '("ops")))
               %base-user-accounts))
  (sudoers-file (plain-file "sudoers" "root ALL=(ALL) ALL
%wheel ALL=(ALL) ALL
%ops ALL=(root) NOPASSWD: /run/current-system/profile/bin/herd
"))
  (services %base-services))
