;; A chat server: Prosody for XMPP with one virtual host, and a Mumble server for voice.
(use-modules (gnu))
(use-service-modules messaging networking telephony)

(operating-system
  (host-name "chat")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "chat"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service prosody-service-type
                   (prosody-configuration
                    (virtualhosts
                     (list (virtualhost-configuration
                            (domain "chat.example.org"))))))
          (service mumble-server-service-type
                   (mumble-server-configuration
                    (welcome-text "Welcome to the team voice chat.")
                    (port 64738)))
          %base-services)))
