;;; (gnu services guix): Guix build infrastructure, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services guix)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (guix-build-coordinator-service-type
            guix-data-service-service-type
            guix-home-service-type
            nar-herder-service-type
            bffe-service-type
            guix-build-coordinator-configuration
            guix-data-service-configuration
            nar-herder-configuration))

(define-opaque-configuration guix-build-coordinator-configuration)
(define-opaque-configuration guix-data-service-configuration)
(define-opaque-configuration nar-herder-configuration)

(define-opaque-service-types
  (guix-build-coordinator-service-type 'guix-build-coordinator (guix-build-coordinator-configuration))
  (guix-data-service-service-type 'guix-data-service (guix-data-service-configuration))
  (guix-home-service-type 'guix-home #t)
  (nar-herder-service-type 'nar-herder (nar-herder-configuration))
  (bffe-service-type 'bffe #t))
