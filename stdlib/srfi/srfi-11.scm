;;; (srfi srfi-11): let-values and let*-values are special forms of the evaluator.
;;; The module exists so that importing it works as in Guile.

(define-module (srfi srfi-11))
