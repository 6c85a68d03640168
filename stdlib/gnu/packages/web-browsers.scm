;;; (gnu packages web-browsers): web browsers, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages web-browsers)
  #:export (lynx
            w3m
            links
            netsurf
            nyxt))

(define lynx (specification->package "lynx"))
(define w3m (specification->package "w3m"))
(define links (specification->package "links"))
(define netsurf (specification->package "netsurf"))
(define nyxt (specification->package "nyxt"))
