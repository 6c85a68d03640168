;; Administration helpers: log rotation of an application's logs, the locate database, and
;; unattended upgrades from the system's own configuration file.
(use-modules (gnu))
(use-service-modules admin networking)

(operating-system
  (host-name "admin-helpers")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "admin-helpers"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (simple-service 'rotate-app-logs log-rotation-service-type
                          (list "/var/log/app/access.log" "/var/log/app/error.log"))
          (service file-database-service-type)
          (service package-database-service-type)
          (service unattended-upgrade-service-type
                   (unattended-upgrade-configuration
                    (operating-system-file "/etc/config.scm")
                    (schedule "30 3 * * 0")))
          %base-services)))
