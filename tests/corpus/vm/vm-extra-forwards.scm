;; A build VM that also exposes the guest's web server (a cache) on the host's loopback.
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'cache-builder)
                (port-forwardings '((14022 . 22)
                                    (14044 . 1004)
                                    (18080 . 8080))))))
