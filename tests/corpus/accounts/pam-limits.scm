;; Audio users get real-time priority and locked memory through PAM limits.
(use-modules (gnu) (gnu system pam))

(operating-system
  (host-name "realtime")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "realtime"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "musician")
                (group "users")
                (supplementary-groups '("audio")))
               %base-user-accounts))
  (services (cons (service pam-limits-service-type
                           (list (pam-limits-entry "@audio" 'both 'rtprio 99)
                                 (pam-limits-entry "@audio" 'both 'memlock 'unlimited)))
                  %base-services)))
