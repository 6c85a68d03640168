;; expect: ok
;; expect-qemu: always-on -cpu Westmere
;; expect-qemu: always-on -smp cpus=2
;; expect-qemu: always-on -rtc base=2010-10-10T00:00:00,clock=vm
;; expect-qemu: on-demand -cpu Westmere
;; A VM started with the host (auto-start? #t) beside one started by hand
;; (the default, #f); the QEMU command is the same either way.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19))

(define date-2010 (make-date 0 0 0 0 10 10 2010 0))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'always-on)
                (date date-2010)
                (cpu-count 2)
                (auto-start? #t)
                (port-forwardings '((14022 . 22)))))
      (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'on-demand)
                (date date-2010)
                (auto-start? #f)
                (port-forwardings '((14023 . 22))))))
