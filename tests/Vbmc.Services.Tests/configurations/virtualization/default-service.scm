;; expect: ok
;; The service type's default value: one VM named build-vm.
(use-modules (gnu services) (gnu services virtualization))

(list (service virtual-build-machine-service-type))
