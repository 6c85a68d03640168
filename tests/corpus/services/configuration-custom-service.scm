;; A custom service type whose configuration record is declared with define-configuration,
;; serialized into a file in /etc.
(use-modules (gnu) (gnu services configuration))

(define (serialize-string field-name value)
  #~(string-append #$(symbol->string field-name) " = " #$value "\n"))

(define (serialize-integer field-name value)
  (serialize-string field-name (number->string value)))

(define-configuration motd-banner-configuration
  (title
   (string "Welcome")
   "Title of the banner.")
  (width
   (integer 72)
   "Width of the banner in columns."))

(define (motd-banner-etc config)
  `(("motd-banner.conf"
     ,(mixed-text-file "motd-banner.conf"
                       (serialize-configuration
                        config motd-banner-configuration-fields)))))

(define motd-banner-service-type
  (service-type
   (name 'motd-banner)
   (extensions (list (service-extension etc-service-type motd-banner-etc)))
   (default-value (motd-banner-configuration))
   (description "Write the banner configuration to /etc.")))

(operating-system
  (host-name "banner")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "banner"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service motd-banner-service-type
                           (motd-banner-configuration
                            (title "Lab machine")
                            (width 60)))
                  %base-services)))
