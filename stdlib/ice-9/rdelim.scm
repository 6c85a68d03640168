;;; (ice-9 rdelim): read-line, builtins of vbmc (src/Vbmc.Evaluator/Builtins/PortBuiltins.cs) visible everywhere;
;;; this module exists so that (use-modules (ice-9 rdelim)) works as it does in Guile.

(define-module (ice-9 rdelim)
  #:re-export (read-line))
