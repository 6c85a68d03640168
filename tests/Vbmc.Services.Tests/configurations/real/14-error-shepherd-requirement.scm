;; expect: error 10:3 service 'metrics-push' requires 'postgres', which is not provided by any service
;; A Shepherd service that depends on a database the configuration never starts.
(use-modules (gnu) (gnu services shepherd))
(use-service-modules base networking)

(define (push-command)
  #~(make-forkexec-constructor (list "metrics-push" "--interval=60")))

(define metrics-push
  (simple-service 'metrics-push shepherd-root-service-type
                  (list (shepherd-service
                         (provision '(metrics-push))
                         (requirement '(networking postgres))
                         (start (push-command))
                         (stop #~(make-kill-destructor))))))

(operating-system
  (host-name "metrics")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (service dhcp-client-service-type)
                   metrics-push
                   %base-services)))
