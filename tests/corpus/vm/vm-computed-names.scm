;; VM names computed from strings, memory from a helper, ports from a base port.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-1))

(define (mebibytes gib) (* gib 1024))

(define (vm label index)
  (service virtual-build-machine-service-type
           (virtual-build-machine
            (name (string->symbol (string-append "worker-" label)))
            (memory-size (mebibytes (+ 1 index)))
            (port-forwardings (list (cons (+ 21022 index) 22)
                                    (cons (+ 21122 index) 1004))))))

(list (vm "alpha" 1) (vm "beta" 2) (vm "gamma" 3))
