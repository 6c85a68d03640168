;; guix-differential: guix-rejects
;; A build VM named with a string; Guix needs a symbol (it builds account and service names from it).
(use-modules (gnu services) (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name "builder"))))
