;;; (gnu services games): game servers, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services games)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (wesnothd-service-type
            wesnothd-configuration))

(define-opaque-configuration wesnothd-configuration)

(define-opaque-service-types
  (wesnothd-service-type 'wesnothd (wesnothd-configuration)))
