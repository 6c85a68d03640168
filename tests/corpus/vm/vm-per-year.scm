;; One build VM per year from 2012 to 2016, generated with `map': names, ports and dates follow the year.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-1)
             (srfi srfi-19))

(define (year-vm year)
  (let ((offset (- year 2012)))
    (service virtual-build-machine-service-type
             (virtual-build-machine
              (name (string->symbol (string-append "y" (number->string year))))
              (date (make-date 0 0 0 0 1 7 year 0))
              (port-forwardings `((,(+ 20022 (* 100 offset)) . 22)
                                  (,(+ 20044 (* 100 offset)) . 1004)))
              (cpu-count 2)
              (memory-size 2048)))))

(map year-vm (iota 5 2012))
