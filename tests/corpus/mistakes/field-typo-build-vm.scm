;; guix-differential: guix-rejects
;; virtual-build-machine has memory-size, not memory.
(use-modules (gnu services) (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'typo-vm)
                (memory 4096))))
