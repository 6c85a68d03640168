;;; (gnu services cups): printing with CUPS, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services cups)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (cups-service-type
            cups-configuration
            opaque-cups-configuration
            files-configuration
            policy-configuration
            location-access-control
            operation-access-control
            method-access-control))

(define-opaque-configuration cups-configuration)
(define-opaque-configuration opaque-cups-configuration)
(define-opaque-configuration files-configuration)
(define-opaque-configuration policy-configuration)
(define-opaque-configuration location-access-control)
(define-opaque-configuration operation-access-control)
(define-opaque-configuration method-access-control)

(define-opaque-service-types
  (cups-service-type 'cups (cups-configuration)))
