;; define-configuration in all its forms: maybe types (define-maybe), a serializer prefix, a
;; custom serializer and sanitizer, an empty serializer, no-serialization, and the fields list.
(use-modules (gnu) (gnu services configuration) (srfi srfi-1))

(define (kiosk-serialize-string field-name value)
  (string-append (symbol->string field-name) "=" value "\n"))
(define (kiosk-serialize-boolean field-name value)
  (kiosk-serialize-string field-name (if value "yes" "no")))

(define-maybe string (prefix kiosk-))

(define-configuration kiosk-configuration
  (url (string "https://example.org") "Start page.")
  (title maybe-string "Window title, when set.")
  (fullscreen? (boolean #t) "Whether the window fills the screen."
               (serializer (lambda (field-name value)
                             (kiosk-serialize-boolean 'fullscreen value))))
  (zoom (string "100") "Zoom percentage."
        (sanitizer (lambda (value)
                     (if (number? value) (number->string value) value))))
  (notes (string "") "Not written to the file." empty-serializer)
  (prefix kiosk-))

(define-configuration/no-serialization kiosk-user-configuration
  (name (string "kiosk") "Account name.")
  (groups (list-of-strings '("video")) "Supplementary groups."))

(define %kiosk (kiosk-configuration (zoom 125) (title "Lobby")))
(define %user (kiosk-user-configuration))

(define (kiosk-etc config)
  `(("kiosk.conf"
     ,(plain-file "kiosk.conf"
                  (string-append (kiosk-configuration-url config) "\n"
                                 (kiosk-configuration-zoom config) "\n")))))

(define kiosk-service-type
  (service-type
   (name 'kiosk)
   (extensions (list (service-extension etc-service-type kiosk-etc)))
   (default-value (kiosk-configuration))
   (description "Kiosk settings in /etc.")))

(unless (= 5 (length kiosk-configuration-fields))
  (error "kiosk-configuration-fields has the wrong length"))
(unless (equal? '(url title fullscreen? zoom notes)
                (map configuration-field-name kiosk-configuration-fields))
  (error "kiosk-configuration-fields names the wrong fields"))
(unless (equal? '("video") (kiosk-user-configuration-groups %user))
  (error "the default groups are wrong"))

(operating-system
  (host-name "kiosk")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "kiosk"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service kiosk-service-type %kiosk) %base-services)))
