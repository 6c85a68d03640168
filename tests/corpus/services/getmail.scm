;; Mail fetched from an IMAP account into a local Maildir by getmail.
(use-modules (gnu))
(use-service-modules getmail networking)

(operating-system
  (host-name "fetcher")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "fetcher"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service getmail-service-type
                   (list (getmail-configuration
                          (name 'personal)
                          (user "mia")
                          (directory "/var/lib/getmail/personal")
                          (rcfile
                           (getmail-configuration-file
                            (retriever (getmail-retriever-configuration
                                        (type "SimpleIMAPSSLRetriever")
                                        (server "imap.example.net")
                                        (port 993)
                                        (username "mia")
                                        (password-command '("/run/current-system/profile/bin/pass" "show" "mail"))))
                            (destination (getmail-destination-configuration
                                          (type "Maildir")
                                          (path "/home/mia/Maildir/"))))))))
          %base-services)))
