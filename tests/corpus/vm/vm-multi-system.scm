;; A build VM that builds for x86_64 and i686, as the host's daemon sees it.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'x86-both)
                (systems '("x86_64-linux" "i686-linux"))
                (date (make-date 0 0 0 0 15 9 2019 0)))))
