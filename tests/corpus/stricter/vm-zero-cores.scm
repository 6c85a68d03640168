;; guix-differential: vbmc-stricter 9 cpu-count -- a build VM with 0 CPUs; QEMU refuses to start it
;; A build VM whose core count was computed as zero.
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'no-cores)
                (cpu-count 0))))
