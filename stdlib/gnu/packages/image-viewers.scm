;;; (gnu packages image-viewers): image viewers, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages image-viewers)
  #:export (feh
            sxiv
            imv))

(define feh (specification->package "feh"))
(define sxiv (specification->package "sxiv"))
(define imv (specification->package "imv"))
