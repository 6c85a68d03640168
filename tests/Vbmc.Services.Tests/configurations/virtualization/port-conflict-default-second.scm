;; expect: error 8:35 11022
;; The first VM wrote the value, the second uses the default: the written value is reported.
(use-modules (gnu services) (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'one)
                (port-forwardings '((11022 . 22)))))
      (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'two))))
