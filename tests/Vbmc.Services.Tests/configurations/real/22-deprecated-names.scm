;; expect: warning 13:16 'grub-configuration' is deprecated, use 'bootloader-configuration'
;; expect: warning 19:36 'dhcp-client-service-type' is deprecated, use 'dhcpcd-service-type'
;; expect: warning 20:28 'static-networking-service' is deprecated, use 'static-networking-service-type'
;; An old configuration that still uses names Guix has deprecated: each works as what it stands
;; for, with the warning Guix gives where it is used (grub-configuration is a compatibility macro
;; Guix accepts silently; vbmc warns as the manual says it is deprecated).
(use-modules (gnu))
(use-service-modules networking)

(operating-system
  (host-name "old-timer")
  (timezone "Etc/UTC")
  (bootloader (grub-configuration (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device "/dev/sda1")
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (append (list (service dhcp-client-service-type)
                          (static-networking-service "eth1" "192.168.1.2"
                                                     #:gateway "192.168.1.1"))
                    %base-services)))
