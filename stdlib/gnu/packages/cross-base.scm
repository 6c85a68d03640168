;;; (gnu packages cross-base): cross toolchains, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages cross-base)
  #:export (cross-gcc))

(define cross-gcc (specification->package "cross-gcc"))
