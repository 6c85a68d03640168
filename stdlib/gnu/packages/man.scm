;;; (gnu packages man): manual pages, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages man)
  #:export (man-db
            man-pages))

(define man-db (specification->package "man-db"))
(define man-pages (specification->package "man-pages"))
