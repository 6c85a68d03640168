;; A build VM for reproducing 2014 builds; the date is read from a string.
(use-modules (gnu services)
             (gnu services virtualization)
             (srfi srfi-19))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'vintage-2014)
                (date (string->date "2014-03-15 12:00" "~Y-~m-~d ~H:~M"))
                (cpu-count 2)
                (memory-size 3072))))
