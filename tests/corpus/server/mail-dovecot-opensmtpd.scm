;; A personal mail server: OpenSMTPD delivering to Maildir, Dovecot serving IMAP, and aliases.
(use-modules (gnu))
(use-service-modules mail networking)

(operating-system
  (host-name "mx")
  (timezone "Europe/Dublin")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/vda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "mx"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "siobhan")
                (group "users"))
               %base-user-accounts))
  (services
   (cons* (service dhcpcd-service-type)
          (service opensmtpd-service-type
                   (opensmtpd-configuration
                    (config-file
                     (plain-file "smtpd.conf"
                                 "listen on lo
action local maildir alias <aliases>
match for local action local
"))))
          (service dovecot-service-type
                   (dovecot-configuration
                    (protocols (list (protocol-configuration (name "imap"))))
                    (mail-location "maildir:~/Maildir")))
          (service mail-aliases-service-type
                   '(("postmaster" "siobhan")
                     ("abuse" "siobhan")))
          %base-services)))
