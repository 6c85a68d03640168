;; expect: error 7:7 two named build-vm
;; expect: error 7:7 11022
;; expect: error 7:7 provided more than once
;; Two services with the default VM: same name and same port; both reported at the second service.
(use-modules (gnu services) (gnu services virtualization))
(list (service virtual-build-machine-service-type)
      (service virtual-build-machine-service-type))
