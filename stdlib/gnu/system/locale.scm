;;; (gnu system locale): locale definitions, the records (gnu system) models (operating-system's
;;; locale-definitions field takes them); Guix's other names of this module come from its data.

(define-module (gnu system locale)
  #:use-module (gnu system)
  #:re-export (<locale-definition>
               locale-definition
               locale-definition?
               locale-definition-name
               locale-definition-source
               locale-definition-charset
               %default-locale-definitions))
