;;; (gnu packages gnupg): GnuPG, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages gnupg)
  #:export (gnupg
            pinentry
            gpgme))

(define gnupg (specification->package "gnupg"))
(define pinentry (specification->package "pinentry"))
(define gpgme (specification->package "gpgme"))
