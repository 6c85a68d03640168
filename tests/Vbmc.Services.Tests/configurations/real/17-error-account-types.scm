;; expect: error 18:77 supplementary-groups
;; expect: error 25:24 missing field initializers (name)
;; User accounts with the mistakes people make: one group name given as a bare string where a
;; list is needed, and an account whose name was forgotten.
(use-modules (gnu))

(operating-system
  (host-name "accounts")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (append (list (user-account
                        (name "dana") (group "users") (supplementary-groups "wheel")
                        (home-directory "/home/dana"))
                       (user-account
                        (name "eli")
                        (comment "Eli")
                        (group "users")
                        (supplementary-groups '("audio" "video")))
                       (user-account
                        (comment "Fred, the new intern")
                        (group "users")))
                 %base-user-accounts)))
