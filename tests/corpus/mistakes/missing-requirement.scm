;; guix-differential: guix-rejects
;; A Shepherd service requiring 'postgres, which no service provides.
(use-modules (gnu) (gnu services shepherd))

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
  (services (cons (simple-service 'report shepherd-root-service-type
                                  (list (shepherd-service
                                         (provision '(report))
                                         (requirement '(postgres))
                                         (start #~(const #t)))))
                  %base-services)))
