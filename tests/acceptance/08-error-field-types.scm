;; expect: error 11:28 cpu-count positive integer 2.5
;; expect: error 12:30 memory-size "2G"
;; expect: error 13:23 name symbol
;; expect: error 14:30 auto-start? boolean
;; Values of the wrong type: each error is placed at the offending value.
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (cpu-count 2.5)
                (memory-size "2G")
                (name "not-a-symbol")
                (auto-start? 'yes))))
