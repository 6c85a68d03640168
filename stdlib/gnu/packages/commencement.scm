;;; (gnu packages commencement): the toolchain, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages commencement)
  #:export (gcc-toolchain))

(define gcc-toolchain (specification->package "gcc-toolchain"))
