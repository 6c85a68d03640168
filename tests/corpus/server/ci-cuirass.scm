;; A build farm front end: Cuirass building a channel, guix publish serving the results.
(use-modules (gnu) (guix channels))
(use-service-modules base cuirass databases networking)
(use-package-modules databases)

(define %specs
  #~(list (specification
           (name "my-channel")
           (build '(channels my-channel))
           (channels
            (cons (channel
                   (name 'my-channel)
                   (url "https://git.example.org/my-channel.git"))
                  %default-channels)))))

(operating-system
  (host-name "ci")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "ci"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service postgresql-service-type
                   (postgresql-configuration
                    (postgresql postgresql-15)))
          (service cuirass-service-type
                   (cuirass-configuration
                    (specifications %specs)
                    (interval 300)))
          (service guix-publish-service-type
                   (guix-publish-configuration
                    (host "0.0.0.0")
                    (port 8080)
                    (compression '(("zstd" 19)))))
          %base-services)))
