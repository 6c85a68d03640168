;; A PHP application behind nginx through php-fpm, with a location block passing scripts on.
(use-modules (gnu))
(use-service-modules networking web)

(define %php-location
  (nginx-php-location))

(operating-system
  (host-name "wiki")
  (timezone "Europe/Vienna")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "wiki"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service php-fpm-service-type
                   (php-fpm-configuration
                    (timezone "Europe/Vienna")))
          (service nginx-service-type
                   (nginx-configuration
                    (server-blocks
                     (list (nginx-server-configuration
                            (server-name '("wiki.example.at"))
                            (root "/srv/wiki")
                            (index '("index.php"))
                            (locations (list %php-location)))))))
          %base-services)))
