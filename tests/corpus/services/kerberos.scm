;; Kerberos client configuration for two realms, and PAM authentication against one.
(use-modules (gnu))
(use-service-modules kerberos networking)

(operating-system
  (host-name "kerb")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "kerb"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service krb5-service-type
                   (krb5-configuration
                    (default-realm "EXAMPLE.COM")
                    (allow-weak-crypto? #f)
                    (realms (list (krb5-realm
                                   (name "EXAMPLE.COM")
                                   (admin-server "kdc.example.com")
                                   (kdc "kdc.example.com"))
                                  (krb5-realm
                                   (name "LAB.EXAMPLE.COM")
                                   (kdc "kdc.lab.example.com"))))))
          (service pam-krb5-service-type
                   (pam-krb5-configuration
                    (pam-krb5 (specification->package "pam-krb5"))
                    (minimum-uid 1000)))
          %base-services)))
