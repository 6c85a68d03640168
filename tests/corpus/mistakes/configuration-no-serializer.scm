;; guix-differential: guix-rejects
;; define-configuration with serialization names serialize-TYPE for each field's type: the
;; integer field has no serialize-integer, an unbound variable in Guix.
(use-modules (gnu) (gnu services configuration))

(define (serialize-string field-name value)
  (string-append (symbol->string field-name) " = " value "\n"))

(define-configuration banner-configuration
  (title (string "Welcome") "Title of the banner.")
  (width (integer 72) "Width in columns."))

(define %banner (banner-configuration))

(define banner-service-type
  (service-type
   (name (quote banner))
   (extensions (list (service-extension etc-service-type
                                        (lambda (config) (list)))))
   (description "A banner.")))

(operating-system
  (host-name "cfg")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets (quote ("/dev/sda")))))
  (file-systems (cons (file-system
                        (device (file-system-label "cfg"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service banner-service-type %banner) %base-services)))
