;;; (gnu services vnc): VNC, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services vnc)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (xvnc-service-type
            xvnc-configuration))

(define-opaque-configuration xvnc-configuration)

(define-opaque-service-types
  (xvnc-service-type 'xvnc (xvnc-configuration)))
