;; A service account for a daemon the administrator runs by hand: system account, no home.
(use-modules (gnu))
(use-package-modules admin)

(operating-system
  (host-name "daemons")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "daemons"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (groups (cons (user-group (name "metrics") (system? #t)) %base-groups))
  (users (cons (user-account
                (name "metrics")
                (group "metrics")
                (system? #t)
                (comment "Metrics collector")
                (home-directory "/var/empty")
                (create-home-directory? #f)
                (shell (file-append shadow "/sbin/nologin")))
               %base-user-accounts))
  (services %base-services))
