;; expect: ok
;; As `guix system` loads it: (gnu services) is already there, so 'service' needs no import.
(use-modules (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine (cpu "Westmere") (cpu-count 8) (auto-start? #t))))
