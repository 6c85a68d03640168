;; expect: ok
;; Acceptance 04 with (gnu services) imported: two VMs side by side, no conflict.
(use-modules (gnu services) (gnu services virtualization) (srfi srfi-19))

(define (build-vm name date ssh-port)
  (service virtual-build-machine-service-type
           (virtual-build-machine
            (name name)
            (date date)
            (cpu-count 2)
            (port-forwardings `((,ssh-port . 22))))))

(list (build-vm 'past (make-date 0 0 0 0 1 6 2010 0) 11022)
      (build-vm 'present (string->date "2014-05-01" "~Y-~m-~d") 12022))
