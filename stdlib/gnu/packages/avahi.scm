;;; (gnu packages avahi): Avahi, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages avahi)
  #:export (avahi
            nss-mdns))

(define avahi (specification->package "avahi"))
(define nss-mdns (specification->package "nss-mdns"))
