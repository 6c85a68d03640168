;; The classic NTP daemon with two explicit servers and a pool.
(use-modules (gnu))
(use-service-modules networking)

(operating-system
  (host-name "chrono")
  (timezone "Australia/Sydney")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "chrono"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service ntp-service-type
                   (ntp-configuration
                    (servers (list (ntp-server
                                    (type 'pool)
                                    (address "au.pool.ntp.org")
                                    (options '("iburst")))
                                   (ntp-server
                                    (address "ntp.example.edu.au"))))
                    (allow-large-adjustment? #t)))
          %base-services)))
