;;; (gnu packages gnuzilla): GNU IceCat, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages gnuzilla)
  #:export (icecat))

(define icecat (specification->package "icecat"))
