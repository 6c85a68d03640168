;;; (gnu services authentication): authentication daemons, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services authentication)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (fprintd-service-type
            nslcd-service-type
            nslcd-configuration))

(define-opaque-configuration nslcd-configuration)

(define-opaque-service-types
  (fprintd-service-type 'fprintd #t)
  (nslcd-service-type 'nslcd (nslcd-configuration)))
