;; A machine offering an onion service for its SSH server, through Tor.
(use-modules (gnu))
(use-service-modules networking ssh)

(operating-system
  (host-name "onion")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "onion"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service openssh-service-type)
          (service tor-service-type
                   (tor-configuration
                    (hidden-services
                     (list (tor-onion-service-configuration
                            (name "ssh")
                            (mapping '((22 "127.0.0.1:22"))))))))
          %base-services)))
