;; expect: error 10:16 extraneous field initializers (memory-sise) did you mean memory-size
;; A misspelt field name: the error is at the initializer and suggests the field
;; that was meant.
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'typo)
               (memory-sise 4096))))
