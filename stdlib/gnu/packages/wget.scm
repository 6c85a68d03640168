;;; (gnu packages wget): GNU Wget, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages wget)
  #:export (wget))

(define wget (specification->package "wget"))
