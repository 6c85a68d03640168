;; expect: error 7:7 unterminated list
;; A list that is never closed: the reader reports it at the innermost bracket
;; still open at the end of the file, here the '(service' form (the VM's own
;; record form is closed on the last line).
(use-modules (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
               (name 'open)
               (cpu-count 2))
