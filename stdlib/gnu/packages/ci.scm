;;; (gnu packages ci): continuous integration, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages ci)
  #:export (cuirass
            laminar))

(define cuirass (specification->package "cuirass"))
(define laminar (specification->package "laminar"))
