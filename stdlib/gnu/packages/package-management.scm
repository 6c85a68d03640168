;;; (gnu packages package-management): guix, from the catalogue (an opaque value).

(define-module (gnu packages package-management)
  #:re-export (guix))
