;; expect: error 13:17 Unbound variable: vm-nammed did you mean 'vm-named'?
;; A name that is defined nowhere (a misspelt helper): the error is at the
;; name, with a hint at the defined name it is closest to.
(use-modules (gnu services)
             (gnu services virtualization))

(define (vm-named name)
  (virtual-build-machine
   (name name)
   (port-forwardings '((18022 . 22)))))

(list (service virtual-build-machine-service-type
               (vm-nammed 'lost)))
