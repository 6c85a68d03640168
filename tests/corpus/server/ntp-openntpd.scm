;; A time server answering the local network with OpenNTPD.
(use-modules (gnu))
(use-service-modules networking)

(operating-system
  (host-name "clock")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "clock"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service openntpd-service-type
                   (openntpd-configuration
                    (listen-on '("127.0.0.1" "192.168.0.2"))
                    (servers '("0.pool.ntp.org" "1.pool.ntp.org"))
                    (constraints-from '("https://www.gnu.org/"))))
          %base-services)))
