;;; (gnu packages gnu-doc): GNU documentation, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages gnu-doc)
  #:export (gnu-c-manual
            emacs-manual))

(define gnu-c-manual (specification->package "gnu-c-manual"))
(define emacs-manual (specification->package "emacs-manual"))
