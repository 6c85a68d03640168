;;; (gnu services security): security daemons, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services security)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (fail2ban-service-type
            fail2ban-configuration
            fail2ban-jail-configuration))

(define-opaque-configuration fail2ban-configuration)
(define-opaque-configuration fail2ban-jail-configuration)

(define-opaque-service-types
  (fail2ban-service-type 'fail2ban (fail2ban-configuration)))
