;;; (gnu packages certs): certificates, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages certs)
  #:re-export (nss-certs)
  #:export (le-certs))

(define le-certs (specification->package "le-certs"))
