;; expect: error 7:50 cpu-count positive integer
;; expect: error 8:52 memory-size positive integer
;; expect: error 9:57 port-forwardings 70000
(use-modules (gnu services) (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine (cpu-count 2.0)
                                      (memory-size 0)
                                      (port-forwardings '((70000 . 22))))))
