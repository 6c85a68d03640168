;;; (gnu packages cups): printing, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages cups)
  #:export (cups
            cups-minimal
            hplip
            gutenprint))

(define cups (specification->package "cups"))
(define cups-minimal (specification->package "cups-minimal"))
(define hplip (specification->package "hplip"))
(define gutenprint (specification->package "gutenprint"))
