;; expect: error 20:21 modify-services 'gdm' not found
;; Copied from a desktop configuration: %base-services has no display manager, so there is no
;; gdm service to delete.
(use-modules (gnu))
(use-service-modules base desktop networking xorg)

(operating-system
  (host-name "headless")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service dhcp-client-service-type)
                  (modify-services %base-services
                    (guix-service-type config => config)
                    (delete gdm-service-type)))))
