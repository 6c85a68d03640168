;;; (corpus-site vms): the organisation's standard build VMs.
(define-module (corpus-site vms)
  #:use-module (gnu services)
  #:use-module (gnu services virtualization)
  #:use-module (srfi srfi-19)
  #:export (site-build-vm))

(define* (site-build-vm name year #:key (port 11022) (cores 4))
  (service virtual-build-machine-service-type
           (virtual-build-machine
            (name name)
            (date (make-date 0 0 0 0 1 1 year 0))
            (cpu-count cores)
            (port-forwardings `((,port . 22) (,(+ port 22) . 1004))))))
