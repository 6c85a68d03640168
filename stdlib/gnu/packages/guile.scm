;;; (gnu packages guile): GNU Guile, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages guile)
  #:export (guile-3.0
            guile-readline
            guile-colorized
            guile-2.2))

(define guile-3.0 (specification->package "guile-3.0"))
(define guile-readline (specification->package "guile-readline"))
(define guile-colorized (specification->package "guile-colorized"))
(define guile-2.2 (specification->package "guile-2.2"))
