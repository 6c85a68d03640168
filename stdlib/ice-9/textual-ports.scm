;;; (ice-9 textual-ports): get-string-all, builtins of vbmc (src/Vbmc.Evaluator/Builtins/PortBuiltins.cs) visible everywhere;
;;; this module exists so that (use-modules (ice-9 textual-ports)) works as it does in Guile.

(define-module (ice-9 textual-ports)
  #:re-export (get-string-all))
