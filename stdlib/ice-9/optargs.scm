;;; (ice-9 optargs): define* and lambda* are special forms of the evaluator.
;;; The module exists so that importing it works as in Guile.

(define-module (ice-9 optargs))
