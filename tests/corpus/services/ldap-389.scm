;; An LDAP directory server (389 Directory Server) instance.
(use-modules (gnu))
(use-service-modules ldap networking)

(operating-system
  (host-name "ldap")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "ldap"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service directory-server-service-type
                   (directory-server-instance-configuration
                    (slapd (slapd-configuration
                            (instance-name "corp")
                            (port 389)))
                    (backend-userroot (backend-userroot-configuration
                                       (suffix "dc=corp,dc=example")))))
          %base-services)))
