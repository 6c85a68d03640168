;; A build VM dated at the end of 2024, with a time of day and a time zone offset.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'recent)
                (date (make-date 0 30 45 18 20 12 2024 3600))
                (cpu-count 8)
                (memory-size 8192))))
