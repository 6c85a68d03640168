;;; (gnu packages vpn): VPN, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages vpn)
  #:export (wireguard-tools
            openvpn
            strongswan))

(define wireguard-tools (specification->package "wireguard-tools"))
(define openvpn (specification->package "openvpn"))
(define strongswan (specification->package "strongswan"))
