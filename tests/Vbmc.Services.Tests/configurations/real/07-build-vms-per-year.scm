;; expect: ok
;; One build VM per year, to rebuild software of the past with its clock and a CPU of its time:
;; names, dates and SSH ports computed from the year.
(use-modules (gnu services) (gnu services virtualization) (srfi srfi-1) (srfi srfi-19))

(define (year->build-vm year)
  (virtual-build-machine
   (name (symbol-append 'build-vm- (string->symbol (number->string year))))
   (date (string->date (string-append (number->string year) "-06-01") "~Y-~m-~d"))
   (cpu-count 2)
   (memory-size 1536)
   ;; 11022 for the first year, then one port per year after it.
   (port-forwardings `((,(+ 11022 (- year 2016)) . 22)))))

(map (lambda (config)
       (service virtual-build-machine-service-type config))
     (map year->build-vm (iota 4 2016)))
