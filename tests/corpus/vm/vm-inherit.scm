;; Several VMs that inherit a common base and change one field each.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19))

(define %base-vm
  (virtual-build-machine
   (cpu-count 2)
   (memory-size 3072)
   (date (make-date 0 0 0 0 1 1 2016 0))))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (inherit %base-vm)
                (name 'base-a)
                (port-forwardings '((16022 . 22) (16044 . 1004)))))
      (service virtual-build-machine-service-type
               (virtual-build-machine
                (inherit %base-vm)
                (name 'base-b)
                (date (make-date 0 0 0 0 1 1 2013 0))
                (port-forwardings '((16122 . 22) (16144 . 1004))))))
