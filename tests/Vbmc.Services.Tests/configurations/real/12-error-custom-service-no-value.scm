;; expect: error 34:19 no value specified for service of type 'restic-backup'
;; A service type written in the configuration itself, used without a value although it has no
;; default value.
(use-modules (gnu) (gnu services shepherd))
(use-service-modules base)

(define (restic-shepherd-services repository)
  (list (shepherd-service
         (provision '(restic-backup))
         (requirement '(user-processes))
         (one-shot? #t)
         (documentation "Back up /home with restic.")
         (start #~(make-forkexec-constructor
                   (list "restic" "backup" "-r" #$repository "/home"))))))

(define restic-backup-service-type
  (service-type
   (name 'restic-backup)
   (extensions
    (list (service-extension shepherd-root-service-type
                             restic-shepherd-services)))
   (description "Back up home directories with restic.")))

(operating-system
  (host-name "archive")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service restic-backup-service-type)
                  %base-services)))
