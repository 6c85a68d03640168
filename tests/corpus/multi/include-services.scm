;; The site's common services are spliced in with `include' from support/parts/common-services.scm.
(use-modules (gnu))
(use-service-modules networking ssh)

(include "support/parts/common-services.scm")

(operating-system
  (host-name "included")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "included"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services %common-services))
