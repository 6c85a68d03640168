;;; (gnu packages tls): TLS, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages tls)
  #:export (openssl
            gnutls
            libressl))

(define openssl (specification->package "openssl"))
(define gnutls (specification->package "gnutls"))
(define libressl (specification->package "libressl"))
