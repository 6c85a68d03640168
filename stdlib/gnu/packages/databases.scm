;;; (gnu packages databases): databases, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages databases)
  #:export (postgresql
            sqlite
            redis
            mariadb))

(define postgresql (specification->package "postgresql"))
(define sqlite (specification->package "sqlite"))
(define redis (specification->package "redis"))
(define mariadb (specification->package "mariadb"))
