;;; (gnu services syncthing): Syncthing, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services syncthing)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (syncthing-service-type
            syncthing-configuration))

(define-opaque-configuration syncthing-configuration)

(define-opaque-service-types
  (syncthing-service-type 'syncthing (syncthing-configuration)))
