;;; (gnu packages texinfo): Texinfo, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages texinfo)
  #:export (texinfo
            info-reader))

(define texinfo (specification->package "texinfo"))
(define info-reader (specification->package "info-reader"))
