;; expect: ok
;; expect: warning 8:23 qemu64
;; Acceptance 12 with (gnu services) imported.
(use-modules (gnu services) (gnu services virtualization) (srfi srfi-19))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (date (make-date 0 0 0 0 1 1 2004 0)))))
