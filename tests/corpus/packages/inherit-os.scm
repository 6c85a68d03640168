;; One base operating system and a variant of it made with `inherit', the variant being the value.
(use-modules (gnu))
(use-service-modules networking ssh)

(define %base-os
  (operating-system
    (host-name "template")
    (timezone "Etc/UTC")
    (bootloader (bootloader-configuration
                 (bootloader grub-bootloader)
                 (targets '("/dev/sda"))))
    (file-systems (cons (file-system
                          (device (file-system-label "root"))
                          (mount-point "/")
                          (type "ext4"))
                        %base-file-systems))
    (services (cons (service dhcpcd-service-type) %base-services))))

(operating-system
  (inherit %base-os)
  (host-name "web-07")
  (services (cons (service openssh-service-type)
                  (operating-system-user-services %base-os))))
