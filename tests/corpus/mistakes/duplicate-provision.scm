;; guix-differential: guix-rejects
;; Two Shepherd services both provide 'backup.
(use-modules (gnu) (gnu services shepherd))

(define (one-shot name)
  (shepherd-service
   (provision '(backup))
   (one-shot? #t)
   (documentation name)
   (start #~(const #t))))

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
  (services (cons* (simple-service 'backup-home shepherd-root-service-type
                                   (list (one-shot "home")))
                   (simple-service 'backup-etc shepherd-root-service-type
                                   (list (one-shot "etc")))
                   %base-services)))
