;;; (gnu packages terminals): terminal emulators, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages terminals)
  #:export (alacritty
            kitty
            foot))

(define alacritty (specification->package "alacritty"))
(define kitty (specification->package "kitty"))
(define foot (specification->package "foot"))
