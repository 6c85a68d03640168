;;; (gnu services vpn): virtual private networks, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services vpn)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (wireguard-service-type
            openvpn-client-service-type
            openvpn-server-service-type
            strongswan-service-type
            bitmask-service-type
            wireguard-configuration
            wireguard-peer
            openvpn-client-configuration
            openvpn-server-configuration
            strongswan-configuration))

(define-opaque-configuration wireguard-configuration)
(define-opaque-configuration wireguard-peer)
(define-opaque-configuration openvpn-client-configuration)
(define-opaque-configuration openvpn-server-configuration)
(define-opaque-configuration strongswan-configuration)

(define-opaque-service-types
  (wireguard-service-type 'wireguard (wireguard-configuration))
  (openvpn-client-service-type 'openvpn-client (openvpn-client-configuration))
  (openvpn-server-service-type 'openvpn-server (openvpn-server-configuration))
  (strongswan-service-type 'strongswan (strongswan-configuration))
  (bitmask-service-type 'bitmask #t))
