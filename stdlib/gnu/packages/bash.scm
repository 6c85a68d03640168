;;; (gnu packages bash): bash, from the catalogue (an opaque value).

(define-module (gnu packages bash)
  #:re-export (bash))
