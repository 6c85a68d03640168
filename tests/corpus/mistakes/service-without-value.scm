;; guix-differential: guix-rejects
;; A custom service type without a default value, instantiated without a value.
(use-modules (gnu) (gnu services shepherd))

(define beacon-service-type
  (service-type
   (name 'beacon)
   (extensions (list (service-extension shepherd-root-service-type
                                        (lambda (port)
                                          (list (shepherd-service
                                                 (provision '(beacon))
                                                 (start #~(const #t))))))))
   (description "Send a beacon.")))

(operating-system
  (host-name "oops")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets (quote ("/dev/sda")))))
  (file-systems (cons (file-system
                        (device (file-system-label "oops"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service beacon-service-type) %base-services)))
