;; expect: error 13:23 two named past
;; expect: error 10:7 provided more than once
;; The Shepherd check (services engine) also sees the second service 'past'.
(use-modules (gnu services) (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'past)
                (port-forwardings '((11022 . 22)))))
      (service virtual-build-machine-service-type
               (virtual-build-machine
                ;; a copy-paste mistake: same name, another port
                (name 'past)
                (port-forwardings '((12022 . 22))))))
