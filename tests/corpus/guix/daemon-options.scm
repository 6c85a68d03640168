;; Guix daemon options: no substitutes discovery, a proxy, a temporary folder, extra options.
(use-modules (gnu))
(use-service-modules networking)

(operating-system
  (host-name "proxied")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "proxied"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service dhcpcd-service-type)
                  (modify-services %base-services
                    (guix-service-type config =>
                                       (guix-configuration
                                        (inherit config)
                                        (discover? #f)
                                        (use-substitutes? #t)
                                        (http-proxy "http://proxy.example.com:3128")
                                        (tmpdir "/var/tmp")
                                        (log-compression 'gzip)
                                        (extra-options '("--cores=4" "--max-jobs=2"))))))))
