;; expect: error 7:35 22
;; Acceptance 11 with (gnu services) imported.
(use-modules (gnu services) (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (port-forwardings '((8080 . 80))))))
