;;; (gnu packages curl): curl, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages curl)
  #:export (curl))

(define curl (specification->package "curl@8.6.0"))
