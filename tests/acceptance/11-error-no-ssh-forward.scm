;; expect: error 9:35 22
;; A VM whose forwards miss the guest's SSH port (22) cannot be an offload target.
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'web-only)
                (port-forwardings '((8080 . 80) (8443 . 443))))))
