;; expect: ok
;; expect-qemu: sandy -cpu SandyBridge
;; expect-qemu: sandy -m 1536
;; expect-qemu: broad -cpu Broadwell
;; expect-qemu: broad -m 1536
;; expect-qemu: broad -smp cpus=3
;; expect-qemu: broad -rtc base=2014-09-01T00:00:00,clock=vm
;; 'cpu' is a thunked field: a VM that inherits another and only moves its date
;; gets the CPU model of its own date, not the one computed for the parent.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19))

(define sandy
  (virtual-build-machine
   (name 'sandy)
   (cpu-count 3)
   (memory-size 1536)
   (date (make-date 0 0 0 0 1 7 2011 0))))

(define broad
  (virtual-build-machine
   (inherit sandy)
   (name 'broad)
   (date (make-date 0 0 0 0 1 9 2014 0))
   (port-forwardings '((11023 . 22)))))

(map (lambda (vm) (service virtual-build-machine-service-type vm))
     (list sandy broad))
