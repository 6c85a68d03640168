;;; (gnu packages shells): shells, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages shells)
  #:export (zsh
            fish
            dash
            tcsh))

(define zsh (specification->package "zsh"))
(define fish (specification->package "fish"))
(define dash (specification->package "dash"))
(define tcsh (specification->package "tcsh"))
