;;; (gnu packages code): code tools, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages code)
  #:export (global
            cloc
            universal-ctags))

(define global (specification->package "global"))
(define cloc (specification->package "cloc"))
(define universal-ctags (specification->package "universal-ctags"))
