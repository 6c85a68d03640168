;; A folder shipped with the configuration: support/parts/etc is copied into the store
;; recursively and its files linked into /etc.
(use-modules (gnu))

(define %site-etc
  (local-file "support/parts/etc" "site-etc" #:recursive? #t))

(operating-system
  (host-name "shipped")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "shipped"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (simple-service 'site-etc etc-service-type
                                  `(("site" ,%site-etc)))
                  %base-services)))
