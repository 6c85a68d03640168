;;; (gnu packages mail): mail tools, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages mail)
  #:export (mutt
            neomutt
            isync
            msmtp
            notmuch
            dovecot
            opensmtpd))

(define mutt (specification->package "mutt"))
(define neomutt (specification->package "neomutt"))
(define isync (specification->package "isync"))
(define msmtp (specification->package "msmtp"))
(define notmuch (specification->package "notmuch"))
(define dovecot (specification->package "dovecot"))
(define opensmtpd (specification->package "opensmtpd"))
