;; A build VM dated 2004: older than every CPU model in Guix's table.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'antique)
                (date (make-date 0 0 0 0 1 1 2004 0)))))
