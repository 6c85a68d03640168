;;; (gnu packages haskell): Haskell, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages haskell)
  #:export (ghc))

(define ghc (specification->package "ghc"))
