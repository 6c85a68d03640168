;; A laptop with a fingerprint reader (fprintd) that looks users up in LDAP (nslcd).
(use-modules (gnu))
(use-service-modules authentication networking)

(operating-system
  (host-name "fingers")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "fingers"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service fprintd-service-type)
          (service nslcd-service-type
                   (nslcd-configuration
                    (uri (list "ldap://ldap.example.org/"))
                    (base "dc=example,dc=org")))
          %base-services)))
