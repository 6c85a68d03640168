;; Apache httpd serving static documentation on port 8080.
(use-modules (gnu))
(use-service-modules networking web)

(operating-system
  (host-name "docs")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "docs"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service httpd-service-type
                   (httpd-configuration
                    (config
                     (httpd-config-file
                      (server-name "docs.example.net")
                      (document-root "/srv/docs")
                      (listen '("8080"))))))
          %base-services)))
