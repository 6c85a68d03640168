;;; (gnu packages backup): backup tools, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages backup)
  #:export (restic
            borg
            duplicity))

(define restic (specification->package "restic"))
(define borg (specification->package "borg"))
(define duplicity (specification->package "duplicity"))
