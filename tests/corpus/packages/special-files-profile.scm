;; /usr/bin/env and /bin/bash for scripts from elsewhere, and packages added by a service.
(use-modules (gnu))
(use-package-modules bash base)

(operating-system
  (host-name "compat")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "compat"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (extra-special-file "/usr/bin/env"
                                       (file-append coreutils "/bin/env"))
                   (extra-special-file "/bin/bash"
                                       (file-append bash "/bin/bash"))
                   (simple-service 'extra-tools profile-service-type
                                   (list which grep))
                   %base-services)))
