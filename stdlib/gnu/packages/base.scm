;;; (gnu packages base): coreutils, from the catalogue (an opaque value).

(define-module (gnu packages base)
  #:re-export (coreutils))
