;;; (gnu packages base): the base of the GNU system, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages base)
  #:re-export (coreutils)
  #:export (findutils
            grep
            sed
            gawk
            tar
            gzip
            diffutils
            patch
            which
            make
            glibc
            glibc-locales
            hello
            binutils
            gcc
            less
            time))

(define findutils (specification->package "findutils"))
(define grep (specification->package "grep"))
(define sed (specification->package "sed"))
(define gawk (specification->package "gawk"))
(define tar (specification->package "tar"))
(define gzip (specification->package "gzip"))
(define diffutils (specification->package "diffutils"))
(define patch (specification->package "patch"))
(define which (specification->package "which"))
(define make (specification->package "make"))
(define glibc (specification->package "glibc"))
(define glibc-locales (specification->package "glibc-locales"))
(define hello (specification->package "hello"))
(define binutils (specification->package "binutils"))
(define gcc (specification->package "gcc"))
(define less (specification->package "less"))
(define time (specification->package "time"))
