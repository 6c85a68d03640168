;; expect: error 13:7 provided more than once twin
;; expect: error 17:23 two virtual build machines are named twin
;; Two VMs with the same name would share an account, a unit and a launch
;; script. Their ports differ, yet both the Shepherd service (provided twice)
;; and the second VM name (at its value) are errors.
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'twin)
                (port-forwardings '((19022 . 22)))))
      (service virtual-build-machine-service-type
               (virtual-build-machine
                (port-forwardings '((19023 . 22)))
                (cpu-count 1)
                (name 'twin))))
