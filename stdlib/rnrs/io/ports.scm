;;; (rnrs io ports): get-string-all eof-object? eof-object, builtins of vbmc (src/Vbmc.Evaluator/Builtins/PortBuiltins.cs) visible everywhere;
;;; this module exists so that (use-modules (rnrs io ports)) works as it does in Guile.

(define-module (rnrs io ports)
  #:re-export (get-string-all eof-object? eof-object))
