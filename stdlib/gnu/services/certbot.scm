;;; (gnu services certbot): Let's Encrypt certificates, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services certbot)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (certbot-service-type
            certbot-configuration
            certificate-configuration))

(define-opaque-configuration certbot-configuration)
(define-opaque-configuration certificate-configuration)

(define-opaque-service-types
  (certbot-service-type 'certbot (certbot-configuration)))
