;;; (gnu packages kde): KDE, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages kde)
  #:export (plasma
            kdeconnect))

(define plasma (specification->package "plasma"))
(define kdeconnect (specification->package "kdeconnect"))
