;;; (gnu system pam): PAM services, known by name only.

(define-module (gnu system pam)
  #:use-module (gnu services catalogue)
  #:export (pam-service
            pam-entry
            pam-limits-entry
            unix-pam-service))

(define-opaque-configuration pam-service)
(define-opaque-configuration pam-entry)

(define (pam-limits-entry domain type item value) (list domain type item value))

(define* (unix-pam-service name #:key #:allow-other-keys)
  (pam-service (name name)))
