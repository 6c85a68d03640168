;;; (gnu packages xorg): X.Org, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages xorg)
  #:export (xorg-server
            xterm
            xrandr
            setxkbmap
            xinit))

(define xorg-server (specification->package "xorg-server"))
(define xterm (specification->package "xterm"))
(define xrandr (specification->package "xrandr"))
(define setxkbmap (specification->package "setxkbmap"))
(define xinit (specification->package "xinit"))
