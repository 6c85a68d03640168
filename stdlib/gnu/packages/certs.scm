;;; (gnu packages certs): nss-certs, from the catalogue (an opaque value).

(define-module (gnu packages certs)
  #:re-export (nss-certs))
