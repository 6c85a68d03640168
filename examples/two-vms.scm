;;; two-vms.scm: two build VMs side by side, one in the past and one in the present.
;;;
;;; Each VM gets its own SSH port on the host (127.0.0.1:11022 and 127.0.0.1:12022): two VMs
;;; forwarding the same host port is an error vbmc reports.  Both register with guix-daemon as
;;; offload targets; the daemon picks whichever is free.
;;;
;;;   vbmc check examples/two-vms.scm
(use-modules (gnu services) (gnu services virtualization) (srfi srfi-19))

;; A small helper so that both VMs share everything but name, date and port.
(define* (build-vm name date #:key (ssh-port 11022) (cpu-count 2))
  (virtual-build-machine
   (name name)
   (date date)
   (cpu-count cpu-count)
   (memory-size 2048)
   ;; (host-port . guest-port): the guest's SSH server listens on 22.
   (port-forwardings `((,ssh-port . 22)))))

(list
 ;; Mid-2010: the CPU model is Westmere.
 (service virtual-build-machine-service-type
          (build-vm 'past (make-date 0 0 0 0 1 6 2010 0)))
 ;; A recent date, parsed from text; the newest model of the table (Skylake-Client).
 (service virtual-build-machine-service-type
          (build-vm 'present (string->date "2023-09-01" "~Y-~m-~d")
                    #:ssh-port 12022
                    #:cpu-count 4)))
