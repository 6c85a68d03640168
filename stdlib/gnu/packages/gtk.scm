;;; (gnu packages gtk): GTK, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages gtk)
  #:export (gtk+
            gtk))

(define gtk+ (specification->package "gtk+"))
(define gtk (specification->package "gtk"))
