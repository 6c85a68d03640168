;;; (gnu packages admin): shadow, from the catalogue (an opaque value).

(define-module (gnu packages admin)
  #:re-export (shadow))
