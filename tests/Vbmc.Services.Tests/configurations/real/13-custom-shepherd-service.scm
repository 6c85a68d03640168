;; expect: ok
;; A configuration that defines its own service type with a default value and a Shepherd service,
;; and adds a one-shot job with simple-service.
(use-modules (gnu) (gnu services shepherd) (guix records) (srfi srfi-1))
(use-service-modules base networking)

(define-record-type* <restic-configuration>
  restic-configuration make-restic-configuration
  restic-configuration?
  (repository restic-configuration-repository
              (default "/srv/backup"))
  (paths      restic-configuration-paths
              (default '("/home" "/etc"))))

(define (restic-shepherd-services config)
  (list (shepherd-service
         (provision '(restic-backup))
         (requirement '(user-processes networking))
         (one-shot? #t)
         (documentation "Back up selected folders with restic.")
         (start #~(make-forkexec-constructor
                   (append (list "restic" "backup" "-r"
                                 #$(restic-configuration-repository config))
                           '#$(restic-configuration-paths config)))))))

(define restic-backup-service-type
  (service-type
   (name 'restic-backup)
   (extensions
    (list (service-extension shepherd-root-service-type
                             restic-shepherd-services)))
   (default-value (restic-configuration))
   (description "Back up folders with restic.")))

(define motd-job
  (simple-service 'refresh-motd shepherd-root-service-type
                  (list (shepherd-service
                         (provision '(refresh-motd))
                         (requirement '(restic-backup))
                         (one-shot? #t)
                         (start #~(lambda _ #t))))))

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
  (services (cons* (service dhcp-client-service-type)
                   (service restic-backup-service-type
                            (restic-configuration
                             (paths (delete "/etc" (restic-configuration-paths
                                                    (restic-configuration))))))
                   motd-job
                   %base-services)))
