;;; (gnu services mcron): the mcron job scheduler, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services mcron)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (mcron-service-type
            mcron-configuration))

(define-opaque-configuration mcron-configuration)

(define-opaque-service-types
  (mcron-service-type 'mcron (mcron-configuration)))
