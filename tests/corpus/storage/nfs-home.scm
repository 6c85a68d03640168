;; Home folders mounted over NFS after the network is up; the root is local.
(use-modules (gnu))
(use-service-modules networking)

(operating-system
  (host-name "thin")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "thin"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device "files.example.lan:/export/home")
                                (mount-point "/home")
                                (type "nfs")
                                (options "vers=4.2,soft")
                                (mount? #t)
                                (mount-may-fail? #t)
                                (needed-for-boot? #f)
                                (check? #f)))
                        %base-file-systems))
  (services (cons (service dhcpcd-service-type)
                  %base-services)))
