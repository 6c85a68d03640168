;; expect: error 7:35 twice 12022
(use-modules (gnu services) (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'one)
                (port-forwardings '((12022 . 22) (12022 . 80))))))
