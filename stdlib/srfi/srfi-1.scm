;;; (srfi srfi-1): list library.
;;;
;;; The procedures are builtins written in C# (src/Vbmc.Evaluator/Builtins/Srfi1Builtins.cs and
;;; ListBuiltins.cs), bound in the core environment; this module re-exports them so that
;;; configurations written for Guile import them the usual way.

(define-module (srfi srfi-1)
  #:re-export (fold fold-right fold-left reduce reduce-right
               filter remove partition append-map filter-map
               delete delete! delete-duplicates iota
               first second third fourth fifth sixth seventh eighth ninth tenth last
               any every find find-tail count take drop take-right drop-right split-at
               take-while drop-while span break list-index concatenate
               lset-adjoin lset-union lset-intersection lset-difference lset=
               alist-copy alist-delete car+cdr length+ xcons list-tabulate unfold
               cons* append-reverse list-copy last-pair))
