;; A shared machine: a project group with a fixed GID, users with fixed UIDs and custom shells.
(use-modules (gnu))
(use-package-modules shells)

(operating-system
  (host-name "shared")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "shared"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (groups (cons* (user-group (name "research") (id 2000))
                 (user-group (name "students") (id 2001))
                 %base-groups))
  (users (append (list (user-account
                        (name "amira")
                        (uid 1500)
                        (group "research")
                        (supplementary-groups '("wheel" "students"))
                        (shell (file-append zsh "/bin/zsh")))
                       (user-account
                        (name "tomas")
                        (uid 1501)
                        (group "students")
                        (shell (file-append fish "/bin/fish"))))
                 %base-user-accounts))
  (services %base-services))
