;; expect: error 17:18 host port 12345 first second
;; Two VMs cannot forward the same host port: the error is at the value of the
;; second VM's port-forwardings (a note points at the first one's).
(use-modules (gnu services)
             (gnu services virtualization))

(define first-vm
  (virtual-build-machine
   (name 'first)
   (port-forwardings '((12345 . 22)))))

(list (service virtual-build-machine-service-type first-vm)
      (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'second)
                (port-forwardings
                 '((12346 . 22) (12345 . 80))))))
