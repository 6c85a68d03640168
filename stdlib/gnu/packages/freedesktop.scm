;;; (gnu packages freedesktop): freedesktop.org software, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages freedesktop)
  #:export (elogind
            udisks
            upower
            xdg-utils
            accountsservice))

(define elogind (specification->package "elogind"))
(define udisks (specification->package "udisks"))
(define upower (specification->package "upower"))
(define xdg-utils (specification->package "xdg-utils"))
(define accountsservice (specification->package "accountsservice"))
