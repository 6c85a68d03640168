;;; (gnu services security-token): smart card daemons, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services security-token)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (pcscd-service-type
            pcscd-configuration))

(define-opaque-configuration pcscd-configuration)

(define-opaque-service-types
  (pcscd-service-type 'pcscd (pcscd-configuration)))
