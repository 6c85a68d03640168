;;; (gnu services hurd): the Hurd, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services hurd)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (hurd-console-service-type
            hurd-getty-service-type
            hurd-console-configuration
            hurd-getty-configuration))

(define-opaque-configuration hurd-console-configuration)
(define-opaque-configuration hurd-getty-configuration)

(define-opaque-service-types
  (hurd-console-service-type 'hurd-console (hurd-console-configuration))
  (hurd-getty-service-type 'hurd-getty (hurd-getty-configuration)))
