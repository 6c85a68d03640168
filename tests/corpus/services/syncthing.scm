;; Syncthing for one user, as a system service.
(use-modules (gnu))
(use-service-modules networking syncthing)

;; The user Syncthing runs as.
(define %kim
  (user-account
   (name "kim")
   (group "users")))

(operating-system
  (host-name "sync")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "sync"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons %kim %base-user-accounts))
  (services
   (cons* (service dhcpcd-service-type)
          (service syncthing-service-type
                   (syncthing-configuration
                    (user "kim")))
          %base-services)))
