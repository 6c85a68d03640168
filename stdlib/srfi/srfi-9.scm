;;; (srfi srfi-9): define-record-type is a special form of the evaluator.
;;; The module exists so that importing it works as in Guile.

(define-module (srfi srfi-9))
