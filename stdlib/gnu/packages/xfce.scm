;;; (gnu packages xfce): Xfce, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages xfce)
  #:export (xfce
            xfce4-terminal
            thunar))

(define xfce (specification->package "xfce"))
(define xfce4-terminal (specification->package "xfce4-terminal"))
(define thunar (specification->package "thunar"))
