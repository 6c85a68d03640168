;; A remote X desktop reachable through VNC (Xvnc with XDMCP to GDM).
(use-modules (gnu))
(use-service-modules dbus desktop networking vnc xorg)

(operating-system
  (host-name "vnc")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "vnc"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service xvnc-service-type
                   (xvnc-configuration
                    (display-number 5)
                    (localhost? #f)
                    (xdmcp? #t)
                    (inetd? #t)))
          (service gdm-service-type
                   (gdm-configuration
                    (xdmcp? #t)))
          (service elogind-service-type)
          (service dbus-root-service-type)
          %base-services)))
