;;; (guix packages): Guix's package API comes from the generated data (stdlib/generated);
;;; this module adds what the data cannot tell: the 'origin' macro accepts (sha256 HASH) as
;;; Guix's does (it stands for (hash (content-hash HASH sha256))), before the generated
;;; constructor of <origin> checks the fields.

(define-module (guix packages)
  #:use-module ((generated guix packages) #:select ((origin . %origin) content-hash))
  #:export (origin))

(define-syntax origin
  (syntax-rules ()
    ((_ %field ...) (%origin-fields () %field ...))))

(define-syntax %origin-fields
  (syntax-rules (sha256)
    ((_ (%done ...))
     (%origin %done ...))
    ((_ (%done ...) (sha256 %value) %rest ...)
     (%origin-fields (%done ... (hash (content-hash %value sha256))) %rest ...))
    ((_ (%done ...) %other %rest ...)
     (%origin-fields (%done ... %other) %rest ...))))
