;; guix-differential: vbmc-stricter 9 port 22 -- no host port reaches the guest's SSH port, so nothing can offload to the VM
;; A build VM that forwards only a web port: Guix accepts it, but guix offload can never reach it.
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'web-only)
                (port-forwardings '((18081 . 80))))))
