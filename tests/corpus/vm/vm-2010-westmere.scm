;; A bare list of services: one build VM whose clock starts in mid-2010 (CPU from the date).
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'vm-2010)
                (date (make-date 0 0 0 0 1 6 2010 0)))))
