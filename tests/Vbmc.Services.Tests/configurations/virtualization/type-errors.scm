;; expect: error 6:50 cpu-count
;; expect: error 7:52 memory-size
(use-modules (gnu services) (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine (cpu-count "four")
                                      (memory-size -512))))
