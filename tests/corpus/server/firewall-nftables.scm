;; A bastion with an nftables ruleset that only lets SSH in, and fail2ban watching sshd.
(use-modules (gnu))
(use-service-modules networking security ssh)

(define %ruleset
  (plain-file "nftables.conf"
              "flush ruleset
table inet filter {
  chain input {
    type filter hook input priority 0; policy drop;
    ct state established,related accept
    iif lo accept
    tcp dport 22 accept
  }
}
"))

(operating-system
  (host-name "bastion2")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "bastion2"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service nftables-service-type
                   (nftables-configuration (ruleset %ruleset)))
          (service openssh-service-type
                   (openssh-configuration
                    (password-authentication? #f)))
          (service fail2ban-service-type
                   (fail2ban-configuration
                    (extra-jails
                     (list (fail2ban-jail-configuration
                            (name "sshd")
                            (enabled? #t)
                            (max-retry 3))))))
          %base-services)))
