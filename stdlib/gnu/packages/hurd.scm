;;; (gnu packages hurd): the Hurd, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages hurd)
  #:export (hurd
            gnumach))

(define hurd (specification->package "hurd"))
(define gnumach (specification->package "gnumach"))
