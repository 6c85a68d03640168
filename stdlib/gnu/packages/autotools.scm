;;; (gnu packages autotools): the Autotools, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages autotools)
  #:export (autoconf
            automake
            libtool))

(define autoconf (specification->package "autoconf"))
(define automake (specification->package "automake"))
(define libtool (specification->package "libtool"))
