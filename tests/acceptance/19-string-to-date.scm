;; expect: ok
;; expect-qemu: dated -rtc base=2017-04-03T12:30:00,clock=vm
;; expect-qemu: dated -cpu Skylake-Client
;; expect-qemu: day-only -rtc base=2013-02-28T00:00:00,clock=vm
;; expect-qemu: day-only -cpu Haswell
;; Dates read from strings with SRFI-19's string->date: a time of day reaches
;; the QEMU clock, and the CPU model follows the date.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'dated)
                (date (string->date "2017-04-03 12:30:00Z" "~Y-~m-~d ~H:~M:~S~z"))
                (port-forwardings '((16022 . 22)))))
      (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'day-only)
                (date (string->date "28/02/2013" "~d/~m/~Y"))
                (port-forwardings '((16023 . 22))))))
