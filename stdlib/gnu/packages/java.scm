;;; (gnu packages java): Java, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages java)
  #:export (openjdk
            icedtea))

(define openjdk (specification->package "openjdk"))
(define icedtea (specification->package "icedtea"))
