;;; (gnu packages compression): compression tools, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages compression)
  #:export (xz
            bzip2
            zstd
            lzip
            zip
            unzip
            p7zip))

(define xz (specification->package "xz"))
(define bzip2 (specification->package "bzip2"))
(define zstd (specification->package "zstd"))
(define lzip (specification->package "lzip"))
(define zip (specification->package "zip"))
(define unzip (specification->package "unzip"))
(define p7zip (specification->package "p7zip"))
