;; Kernel parameters: forwarding on, swappiness down, through the sysctl service.
(use-modules (gnu))
(use-service-modules networking sysctl)

(operating-system
  (host-name "router")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "router"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (modify-services %base-services
            (sysctl-service-type config =>
                                 (sysctl-configuration
                                  (settings (append '(("net.ipv4.ip_forward" . "1")
                                                            ("vm.swappiness" . "10"))
                                                    %default-sysctl-settings))))))))
