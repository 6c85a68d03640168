;;; (gnu services telephony): telephony, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services telephony)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (jami-service-type
            jami-configuration
            jami-account))

(define-opaque-configuration jami-configuration)
(define-opaque-configuration jami-account)

(define-opaque-service-types
  (jami-service-type 'jami (jami-configuration)))
