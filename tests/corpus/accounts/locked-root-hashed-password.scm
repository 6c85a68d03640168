;; An appliance: an account with a pre-hashed password (crypt), and a fixed hosts file entry.
(use-modules (gnu))

(operating-system
  (host-name "appliance")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "appliance"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "maint")
                (group "users")
                (password (crypt "correct horse battery staple" "$6$maintsalt")))
               %base-user-accounts))
  (services (cons (simple-service 'appliance-hosts hosts-service-type
                                  (list (host "10.0.0.1" "controller"
                                              '("controller.appliance.lan"))))
                  %base-services)))
