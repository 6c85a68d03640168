;; expect: error 21:37 extraneous field initializers (port)
;; A common slip: openssh-configuration calls the field 'port-number', not 'port'.
(use-modules (gnu))
(use-service-modules networking ssh)

(operating-system
  (host-name "typo")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (append (list (service dhcp-client-service-type)
                          (service openssh-service-type
                                   (openssh-configuration
                                    (permit-root-login 'prohibit-password)
                                    (password-authentication? #f)
                                    (port 2222))))
                    %base-services)))
