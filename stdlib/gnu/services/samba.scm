;;; (gnu services samba): Samba, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services samba)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (samba-service-type
            wsdd-service-type
            samba-configuration
            wsdd-configuration))

(define-opaque-configuration samba-configuration)
(define-opaque-configuration wsdd-configuration)

(define-opaque-service-types
  (samba-service-type 'samba (samba-configuration))
  (wsdd-service-type 'wsdd (wsdd-configuration)))
