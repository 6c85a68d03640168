;; A build server that publishes its store with guix publish and accepts offloaded builds
;; from the clients' keys over SSH.
(use-modules (gnu))
(use-service-modules base networking ssh)

(operating-system
  (host-name "publisher")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "publisher"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "offload")
                (group "users"))
               %base-user-accounts))
  (services (cons* (service dhcpcd-service-type)
                   (service openssh-service-type
                            (openssh-configuration
                             (authorized-keys
                              `(("offload" ,(local-file "../support/keys/builder-host.pub"))))))
                   (service guix-publish-service-type
                            (guix-publish-configuration
                             (port 3000)
                             (cache "/var/cache/guix/publish")
                             (ttl (* 30 24 60 60))))
                   %base-services)))
