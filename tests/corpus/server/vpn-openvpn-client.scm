;; A branch office joining the head office over OpenVPN.
(use-modules (gnu))
(use-service-modules networking vpn)

(operating-system
  (host-name "branch")
  (timezone "Europe/Rome")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "branch"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service openvpn-client-service-type
                   (openvpn-client-configuration
                    (ca "/etc/openvpn/ca.crt")
                    (cert "/etc/openvpn/branch.crt")
                    (key "/etc/openvpn/branch.key")
                    (remote (list (openvpn-remote-configuration
                                   (name "vpn.head-office.example.it")
                                   (port 1194))))))
          %base-services)))
