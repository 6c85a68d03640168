;;; (gnu packages suckless): suckless tools, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages suckless)
  #:export (slock
            dmenu
            st
            dwm))

(define slock (specification->package "slock"))
(define dmenu (specification->package "dmenu"))
(define st (specification->package "st"))
(define dwm (specification->package "dwm"))
