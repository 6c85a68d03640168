;; guix-differential: guix-rejects
;; Two build VMs with the same name on one host: both provide the Shepherd service 'twin.
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'twin)
                (port-forwardings '((11022 . 22) (11044 . 1004)))))
      (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'twin)
                (port-forwardings '((12022 . 22) (12044 . 1004))))))
