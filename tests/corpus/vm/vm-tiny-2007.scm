;; A small build VM for a tiny host: one core, 768 MiB, 2007 (Core 2 era).
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'tiny)
                (cpu-count 1)
                (memory-size 768)
                (date (string->date "2007-08-01" "~Y-~m-~d")))))
