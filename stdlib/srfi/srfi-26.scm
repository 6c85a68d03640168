;;; (srfi srfi-26): cut and cute are special forms of the evaluator; the module exists so that
;;; importing it works as in Guile.

(define-module (srfi srfi-26))
