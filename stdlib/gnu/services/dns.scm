;;; (gnu services dns): DNS servers, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services dns)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (knot-service-type
            knot-resolver-service-type
            dnsmasq-service-type
            ddclient-service-type
            unbound-service-type
            knot-configuration
            knot-zone-configuration
            knot-resolver-configuration
            dnsmasq-configuration
            ddclient-configuration
            unbound-configuration))

(define-opaque-configuration knot-configuration)
(define-opaque-configuration knot-zone-configuration)
(define-opaque-configuration knot-resolver-configuration)
(define-opaque-configuration dnsmasq-configuration)
(define-opaque-configuration ddclient-configuration)
(define-opaque-configuration unbound-configuration)

(define-opaque-service-types
  (knot-service-type 'knot (knot-configuration))
  (knot-resolver-service-type 'knot-resolver (knot-resolver-configuration))
  (dnsmasq-service-type 'dnsmasq (dnsmasq-configuration))
  (ddclient-service-type 'ddclient (ddclient-configuration))
  (unbound-service-type 'unbound (unbound-configuration)))
