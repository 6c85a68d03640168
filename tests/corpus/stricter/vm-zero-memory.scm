;; guix-differential: vbmc-stricter 9 memory-size -- a build VM with 0 MiB of memory; QEMU refuses to start it
;; A build VM whose memory size is zero.
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'no-memory)
                (memory-size 0))))
