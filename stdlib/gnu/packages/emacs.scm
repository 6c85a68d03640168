;;; (gnu packages emacs): Emacs, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages emacs)
  #:export (emacs
            emacs-no-x
            emacs-pgtk
            emacs-minimal))

(define emacs (specification->package "emacs@29.4"))
(define emacs-no-x (specification->package "emacs-no-x"))
(define emacs-pgtk (specification->package "emacs-pgtk"))
(define emacs-minimal (specification->package "emacs-minimal"))
