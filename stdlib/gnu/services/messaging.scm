;;; (gnu services messaging): messaging servers, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services messaging)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (prosody-service-type
            bitlbee-service-type
            quassel-service-type
            prosody-configuration
            bitlbee-configuration
            quassel-configuration))

(define-opaque-configuration prosody-configuration)
(define-opaque-configuration bitlbee-configuration)
(define-opaque-configuration quassel-configuration)

(define-opaque-service-types
  (prosody-service-type 'prosody (prosody-configuration))
  (bitlbee-service-type 'bitlbee (bitlbee-configuration))
  (quassel-service-type 'quassel (quassel-configuration)))
