;;; (gnu services spice): SPICE guest agents, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services spice)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (spice-vdagent-service-type
            spice-vdagent-configuration))

(define-opaque-configuration spice-vdagent-configuration)

(define-opaque-service-types
  (spice-vdagent-service-type 'spice-vdagent (spice-vdagent-configuration)))
