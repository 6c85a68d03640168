;; A build VM with an explicit CPU model that overrides the one of its date.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'haswell)
                (cpu "Haswell")
                (date (make-date 0 0 0 0 1 1 2018 0))
                (port-forwardings '((13022 . 22) (13044 . 1004))))))
