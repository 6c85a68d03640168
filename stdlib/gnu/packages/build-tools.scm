;;; (gnu packages build-tools): build tools, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages build-tools)
  #:export (meson
            ninja
            cmake))

(define meson (specification->package "meson"))
(define ninja (specification->package "ninja"))
(define cmake (specification->package "cmake"))
