;;; (gnu packages ssh): the OpenSSH packages of the catalogue (opaque values).

(define-module (gnu packages ssh)
  #:re-export (openssh openssh-sans-x))
