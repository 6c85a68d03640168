;; A build VM run by the full QEMU package instead of qemu-minimal.
(use-modules (gnu services)
             (gnu services virtualization)
             (gnu packages virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'full-qemu)
                (qemu qemu))))
