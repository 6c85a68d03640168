;; A build VM run by the full QEMU package instead of qemu-minimal.
;; guix-differential: vbmc-unsupported 10 qemu qemu-system -- vbmc runs the host's QEMU, not a package of the configuration
(use-modules (gnu services)
             (gnu services virtualization)
             (gnu packages virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'full-qemu)
                (qemu qemu))))
