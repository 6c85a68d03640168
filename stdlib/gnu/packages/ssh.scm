;;; (gnu packages ssh): SSH clients and servers, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages ssh)
  #:re-export (openssh
               openssh-sans-x)
  #:export (dropbear
            mosh
            autossh
            sshfs
            guile-ssh
            libssh))

(define dropbear (specification->package "dropbear"))
(define mosh (specification->package "mosh"))
(define autossh (specification->package "autossh"))
(define sshfs (specification->package "sshfs"))
(define guile-ssh (specification->package "guile-ssh"))
(define libssh (specification->package "libssh"))
