;; A home-grown daemon run by Shepherd: forkexec with a user, a log file and a respawn limit.
(use-modules (gnu) (gnu services shepherd))
(use-service-modules networking)

(define %exporter
  (shepherd-service
   (provision '(weather-exporter))
   (requirement '(networking user-processes))
   (documentation "Export weather readings over HTTP.")
   (start #~(make-forkexec-constructor
             (list "/opt/weather/bin/exporter" "--port" "9180")
             #:user "nobody"
             #:log-file "/var/log/weather-exporter.log"))
   (stop #~(make-kill-destructor))
   (respawn-limit '(5 . 60))))

(operating-system
  (host-name "weather")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "weather"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (simple-service 'weather shepherd-root-service-type (list %exporter))
          %base-services)))
