;;; (gnu packages text-editors): text editors, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages text-editors)
  #:export (kakoune
            micro
            helix
            mg
            nvi))

(define kakoune (specification->package "kakoune"))
(define micro (specification->package "micro"))
(define helix (specification->package "helix"))
(define mg (specification->package "mg"))
(define nvi (specification->package "nvi"))
