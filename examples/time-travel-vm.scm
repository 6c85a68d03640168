;;; time-travel-vm.scm: a build VM whose clock starts in 2014, for software with time traps.
;;;
;;; Test suites that check certificate expiry dates, or that embed "this year" in their
;;; expectations, fail when rebuilt years later.  This VM boots with its clock at 2014-06-01, so
;;; such builds see the date they were written for, and on a CPU of that time: the model is
;;; derived from the date (Broadwell, the newest model released before June 2014).  More
;;; cores and memory than the default, because whole old distributions get rebuilt here.
;;;
;;;   vbmc check examples/time-travel-vm.scm
(use-modules (gnu services) (gnu services virtualization) (srfi srfi-19))

(define %june-2014
  ;; SRFI-19: nanosecond second minute hour day month year zone-offset.
  (make-date 0 0 0 0 1 6 2014 0))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'time-travel)
                (date %june-2014)
                ;; No 'cpu' field: it follows 'date'.  Write (cpu "Haswell") to choose.
                (cpu-count 8)
                (memory-size (* 6 1024))
                ;; Start with the host, so builds can always be offloaded to it.
                (auto-start? #t))))
