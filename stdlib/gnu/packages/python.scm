;;; (gnu packages python): Python, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages python)
  #:export (python
            python-wrapper
            python-minimal))

(define python (specification->package "python@3.10.7"))
(define python-wrapper (specification->package "python-wrapper"))
(define python-minimal (specification->package "python-minimal"))
