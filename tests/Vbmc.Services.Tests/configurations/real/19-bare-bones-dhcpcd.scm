;; expect: ok
;; A headless server written for Guix 1.5.0: dhcpcd (the DHCP client that replaced
;; dhcp-client-service-type), NTP, SSH with a key from the manual's style, a user password
;; hashed with crypt, and packages from several package modules, one with a second output.
(use-modules (gnu))
(use-service-modules networking ssh)
(use-package-modules admin certs curl screen ssh version-control)

(operating-system
  (host-name "marten")
  (timezone "Europe/Berlin")
  (locale "en_GB.utf8")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "marten-root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "robin")
                (group "users")
                (password (crypt "correct horse" "$6$marten"))
                (supplementary-groups '("wheel" "netdev")))
               %base-user-accounts))
  (packages (append (list screen curl htop (list git "send-email"))
                    %base-packages))
  (services (append (list (service dhcpcd-service-type
                                   (dhcpcd-configuration (interfaces '("eth0" "eth1"))))
                          (service ntp-service-type)
                          (service openssh-service-type
                                   (openssh-configuration
                                    (openssh openssh-sans-x)
                                    (port-number 2222))))
                    %base-services)))
