;;; (gnu packages fonts): fonts, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages fonts)
  #:export (font-dejavu
            font-gnu-freefont
            font-liberation
            font-google-noto
            font-terminus))

(define font-dejavu (specification->package "font-dejavu"))
(define font-gnu-freefont (specification->package "font-gnu-freefont"))
(define font-liberation (specification->package "font-liberation"))
(define font-google-noto (specification->package "font-google-noto"))
(define font-terminus (specification->package "font-terminus"))
