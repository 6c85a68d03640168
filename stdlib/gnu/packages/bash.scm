;;; (gnu packages bash): shells of the Bash family, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages bash)
  #:re-export (bash)
  #:export (bash-minimal
            bash-completion))

(define bash-minimal (specification->package "bash-minimal"))
(define bash-completion (specification->package "bash-completion"))
