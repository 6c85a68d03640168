;;; (gnu packages cryptsetup): cryptsetup, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages cryptsetup)
  #:export (cryptsetup))

(define cryptsetup (specification->package "cryptsetup"))
