;; A cache and database box: MariaDB, Redis and memcached on a private network address.
(use-modules (gnu))
(use-service-modules databases networking)

(operating-system
  (host-name "cache")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "cache"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service mysql-service-type
                   (mysql-configuration
                    (bind-address "10.1.0.5")
                    (port 3306)))
          (service redis-service-type
                   (redis-configuration
                    (bind "10.1.0.5")
                    (port 6379)))
          (service memcached-service-type
                   (memcached-configuration
                    (interfaces '("10.1.0.5"))
                    (tcp-port 11211)))
          %base-services)))
