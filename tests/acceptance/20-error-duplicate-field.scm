;; expect: error 11:17 duplicate field initializer (cpu-count)
;; A field given twice in one record form: Guix rejects the record, and the
;; error is at the second initializer.
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'twice)
                (cpu-count 2)
                (cpu-count 4))))
