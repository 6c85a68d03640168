;;; (gnu services pm): power management, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services pm)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (tlp-service-type
            thermald-service-type
            powertop-service-type
            tlp-configuration
            thermald-configuration))

(define-opaque-configuration tlp-configuration)
(define-opaque-configuration thermald-configuration)

(define-opaque-service-types
  (tlp-service-type 'tlp (tlp-configuration))
  (thermald-service-type 'thermald (thermald-configuration))
  (powertop-service-type 'powertop #t))
