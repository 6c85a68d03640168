;; expect: ok
;; expect-qemu: y2009 -cpu Nehalem
;; expect-qemu: y2009 -rtc base=2009-03-15T00:00:00,clock=vm
;; expect-qemu: y2009 -m 1024
;; expect-qemu: y2022 -cpu Skylake-Client
;; expect-qemu: y2022 -rtc base=2022-11-30T00:00:00,clock=vm
;; expect-qemu: y2022 -smp cpus=8
;; Two build VMs side by side, one per era: each gets the CPU model that was
;; current at its date, and each forwards its own host port to SSH.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'y2009)
                (date (make-date 0 0 0 0 15 3 2009 0))
                (memory-size 1024)
                (port-forwardings '((12009 . 22)))))
      (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'y2022)
                (date (make-date 0 0 0 0 30 11 2022 0))
                (cpu-count 8)
                (port-forwardings '((12022 . 22))))))
