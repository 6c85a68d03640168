;;; (gnu services pam-mount): pam_mount, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services pam-mount)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (pam-mount-service-type
            pam-mount-configuration))

(define-opaque-configuration pam-mount-configuration)

(define-opaque-service-types
  (pam-mount-service-type 'pam-mount (pam-mount-configuration)))
