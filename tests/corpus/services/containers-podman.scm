;; Rootless Podman for desktop users: subordinate ids, cgroups v2 and the podman service.
(use-modules (gnu) (gnu system accounts))
(use-service-modules containers desktop networking)

(operating-system
  (host-name "podman")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "podman"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service elogind-service-type)
          (service iptables-service-type)
          (service rootless-podman-service-type
                   (rootless-podman-configuration
                    (subgids (list (subid-range (name "dev"))))
                    (subuids (list (subid-range (name "dev"))))))
          %base-services)))
