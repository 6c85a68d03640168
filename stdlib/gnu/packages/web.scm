;;; (gnu packages web): web servers, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages web)
  #:export (nginx
            httpd
            fcgiwrap))

(define nginx (specification->package "nginx"))
(define httpd (specification->package "httpd"))
(define fcgiwrap (specification->package "fcgiwrap"))
