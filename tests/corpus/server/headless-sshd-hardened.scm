;; A hardened SSH server: keys only, no root, X11 forwarding off, extra sshd_config lines.
(use-modules (gnu))
(use-service-modules networking ssh)
(use-package-modules ssh)

(operating-system
  (host-name "vault")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "vault"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "sec")
                (group "users")
                (supplementary-groups '("wheel")))
               %base-user-accounts))
  (services
   (cons* (service dhcpcd-service-type)
          (service openssh-service-type
                   (openssh-configuration
                    (openssh openssh-sans-x)
                    (port-number 2022)
                    (permit-root-login #f)
                    (password-authentication? #f)
                    (x11-forwarding? #f)
                    (allow-agent-forwarding? #f)
                    (max-connections 50)
                    (extra-content "ClientAliveInterval 300\nClientAliveCountMax 2")))
          %base-services)))
