;; A public mirror served over rsync (read-only modules) and over HTTP by nginx.
(use-modules (gnu))
(use-service-modules networking rsync web)

(operating-system
  (host-name "mirror")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons* (file-system
                         (device (file-system-label "mirror"))
                         (mount-point "/")
                         (type "ext4"))
                       (file-system
                         (device (file-system-label "mirror-data"))
                         (mount-point "/srv/mirror")
                         (type "xfs"))
                       %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service rsync-service-type
                   (rsync-configuration
                    (modules (list (rsync-module
                                    (name "gnu")
                                    (file-name "/srv/mirror/gnu")
                                    (comment "GNU software"))
                                   (rsync-module
                                    (name "debian")
                                    (file-name "/srv/mirror/debian"))))))
          (service nginx-service-type
                   (nginx-configuration
                    (server-blocks
                     (list (nginx-server-configuration
                            (server-name '("mirror.example.org"))
                            (root "/srv/mirror"))))))
          %base-services)))
