;;; (gnu services cuirass): the Cuirass continuous integration system, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services cuirass)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (cuirass-service-type
            cuirass-remote-worker-service-type
            cuirass-configuration
            cuirass-remote-server-configuration
            cuirass-remote-worker-configuration))

(define-opaque-configuration cuirass-configuration)
(define-opaque-configuration cuirass-remote-server-configuration)
(define-opaque-configuration cuirass-remote-worker-configuration)

(define-opaque-service-types
  (cuirass-service-type 'cuirass (cuirass-configuration))
  (cuirass-remote-worker-service-type 'cuirass-remote-worker (cuirass-remote-worker-configuration)))
