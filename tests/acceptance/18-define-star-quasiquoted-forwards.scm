;; expect: ok
;; expect-qemu: alpha -nic user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:15022-:22,hostfwd=tcp:127.0.0.1:15080-:80
;; expect-qemu: alpha -cpu Haswell
;; expect-qemu: alpha -smp cpus=2
;; expect-qemu: beta -nic user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:15122-:22,hostfwd=tcp:127.0.0.1:15180-:80
;; expect-qemu: beta -cpu Skylake-Client
;; expect-qemu: beta -smp cpus=4
;; expect-qemu: beta -m 512
;; A define* helper with keyword arguments and defaults makes each VM; its port
;; forwards are built by quasiquote from an offset, so no two VMs share a port.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19)
             (ice-9 optargs))

(define* (numbered-vm name index #:key (year 2020) (cores 4) (memory 2048))
  (let ((base (+ 15000 (* 100 index))))
    (service virtual-build-machine-service-type
             (virtual-build-machine
              (name name)
              (date (make-date 0 0 0 0 1 1 year 0))
              (cpu-count cores)
              (memory-size memory)
              (port-forwardings `((,(+ base 22) . 22)
                                  (,(+ base 80) . 80)))))))

(list (numbered-vm 'alpha 0 #:year 2014 #:cores 2)
      (numbered-vm 'beta 1 #:memory 512))
