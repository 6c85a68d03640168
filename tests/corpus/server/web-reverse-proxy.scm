;; nginx as a reverse proxy with an upstream of two application servers and raw directives.
(use-modules (gnu))
(use-service-modules networking web)

(operating-system
  (host-name "edge")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/vda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "edge"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service nginx-service-type
                   (nginx-configuration
                    (upstream-blocks
                     (list (nginx-upstream-configuration
                            (name "app")
                            (servers (list "10.0.0.11:8000" "10.0.0.12:8000")))))
                    (server-blocks
                     (list (nginx-server-configuration
                            (server-name '("app.example.com"))
                            (listen '("80"))
                            (locations
                             (list (nginx-location-configuration
                                    (uri "/")
                                    (body '("proxy_pass http://app;"
                                            "proxy_set_header Host $host;"))))))))
                    (extra-content "client_max_body_size 50m;")))
          %base-services)))
