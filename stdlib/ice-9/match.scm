;;; (ice-9 match): pattern matching.
;;;
;;; match, match-lambda, match-lambda* and match-let are special forms of the evaluator
;;; (src/Vbmc.Evaluator/Analysis/Analyzer.Match.cs), available everywhere; this module exists so
;;; that (use-modules (ice-9 match)) works as it does in Guile.

(define-module (ice-9 match))
