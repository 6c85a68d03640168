;;; (gnu services ci): continuous integration, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services ci)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (laminar-service-type
            laminar-configuration))

(define-opaque-configuration laminar-configuration)

(define-opaque-service-types
  (laminar-service-type 'laminar (laminar-configuration)))
