;;; (corpus-site services): a site-specific service type, the "heartbeat" reporter.
(define-module (corpus-site services)
  #:use-module (gnu services)
  #:use-module (gnu services shepherd)
  #:use-module (guix gexp)
  #:use-module (guix records)
  #:export (heartbeat-configuration
            heartbeat-service-type))

(define-record-type* <heartbeat-configuration>
  heartbeat-configuration make-heartbeat-configuration
  heartbeat-configuration?
  (url      heartbeat-configuration-url
            (default "https://status.example.org/ping"))
  (interval heartbeat-configuration-interval
            (default 60)))

(define (heartbeat-shepherd-services config)
  (list (shepherd-service
         (provision '(heartbeat))
         (requirement '(networking))
         (documentation "Report that this machine is alive.")
         (start #~(make-forkexec-constructor
                   (list "/run/current-system/profile/bin/sh" "-c"
                         (string-append "while true; do wget -q -O /dev/null "
                                        #$(heartbeat-configuration-url config)
                                        "; sleep "
                                        #$(number->string
                                           (heartbeat-configuration-interval config))
                                        "; done"))))
         (stop #~(make-kill-destructor)))))

(define heartbeat-service-type
  (service-type
   (name 'heartbeat)
   (extensions (list (service-extension shepherd-root-service-type
                                        heartbeat-shepherd-services)))
   (default-value (heartbeat-configuration))
   (description "Periodically report that the machine is alive.")))
