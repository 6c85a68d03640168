;;; (gnu packages dns): DNS tools, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages dns)
  #:export (bind
            knot
            unbound
            dnsmasq
            ldns))

(define bind (specification->package "bind"))
(define knot (specification->package "knot"))
(define unbound (specification->package "unbound"))
(define dnsmasq (specification->package "dnsmasq"))
(define ldns (specification->package "ldns"))
