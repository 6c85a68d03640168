;; guix-differential: guix-rejects
;; %base-services already has the Shepherd timer service in Guix 1.5.0: adding it again provides
;; 'timer' twice.
(use-modules (gnu))
(use-service-modules networking shepherd)
(use-package-modules admin)

(define %timers
  (list (shepherd-timer '(clean-tmp) "0 4 * * *"
                        #~("/run/current-system/profile/bin/find" "/var/tmp"
                           "-mtime" "+7" "-delete")
                        #:requirement '(user-processes))
        (shepherd-timer '(ping-gateway) "*/5 * * * *"
                        #~("/run/current-system/profile/bin/ping" "-c" "1" "192.168.0.1")
                        #:requirement '(networking))))

(operating-system
  (host-name "timed")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "timed"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service shepherd-timer-service-type)
          (simple-service 'timers shepherd-root-service-type %timers)
          %base-services)))
