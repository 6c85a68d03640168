;; guix-differential: vbmc-stricter 13 host port -- two VMs forward the same host port (12345); Guix only fails when the second QEMU starts
;; Two build VMs that both forward host port 12345: Guix folds this, but the second VM cannot start.
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'first)
                (port-forwardings '((12345 . 22) (12346 . 1004)))))
      (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'second)
                (port-forwardings '((12345 . 22) (12347 . 1004))))))
