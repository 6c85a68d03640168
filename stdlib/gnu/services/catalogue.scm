;;; (gnu services catalogue): vbmc's helpers for service types it knows by name only.
;;;
;;; Many Guix service modules (desktop, xorg, cups, docker, web, databases...) have nothing to
;;; do with build machines, but real configurations import them.  vbmc gives each such service
;;; type a real service-type record (so that (service x), (service x config) and
;;; modify-services work, and folding sees it) with a default value and no extensions, and each
;;; configuration record constructor an "opaque configuration" that keeps the initializers it
;;; was given, evaluated, without checking their names.

(define-module (gnu services catalogue)
  #:use-module (gnu services)
  #:use-module (gnu services shepherd)
  #:export (opaque-service-type
            daemon-service-type
            define-opaque-service-types
            define-opaque-configuration
            <opaque-configuration>
            make-opaque-configuration
            opaque-configuration?
            opaque-configuration-kind
            opaque-configuration-fields))

(define-record-type* <opaque-configuration>
  opaque-configuration make-opaque-configuration
  opaque-configuration?
  (kind   opaque-configuration-kind (type symbol))
  (fields opaque-configuration-fields (type list)))

;; A service type known by name: its value is whatever the user gives, DEFAULT otherwise.
(define (opaque-service-type name default)
  (service-type
   (name name)
   (extensions '())
   (default-value default)
   (description
    (string-append "The '" (symbol->string name)
                   "' service of Guix, known to vbmc by name only: it is kept in the service graph but not modelled."))))

;; (define-opaque-service-types (x-service-type 'x default) ...)
(define-syntax define-opaque-service-types
  (syntax-rules ()
    ((_ (var name default) ...)
     (begin (define var (opaque-service-type name default)) ...))))

;; (define-opaque-configuration cups-configuration) defines a constructor macro that accepts
;; any (field value ...) initializers, including (inherit other).
(define-syntax define-opaque-configuration
  (syntax-rules ()
    ((_ kind)
     (define-syntax kind
       (syntax-rules ()
         ((_ (field value (... ...)) (... ...))
          (make-opaque-configuration 'kind (list (list 'field value (... ...)) (... ...)))))))))

;; A service type known by name that runs one Shepherd service with the provisions and
;; requirements upstream's has, so that requirement checks see what Guix would see.
(define (daemon-service-type name provision requirement default description)
  (service-type
   (name name)
   (extensions
    (list (service-extension shepherd-root-service-type
                             (lambda (config)
                               (list (shepherd-service
                                      (documentation description)
                                      (provision provision)
                                      (requirement requirement)
                                      (start #~(make-forkexec-constructor '(#$(symbol->string name))))
                                      (stop #~(make-kill-destructor))))))))
   (default-value default)
   (description description)))
