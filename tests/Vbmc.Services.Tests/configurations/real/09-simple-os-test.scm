;; expect: ok
;; The shape of a Guix system test: simple-operating-system with an SSH server and a small build
;; VM, as gnu/tests files declare the system under test.
(use-modules (gnu) (gnu tests) (gnu services virtualization))
(use-service-modules ssh)

(define %test-os
  (simple-operating-system
   (service openssh-service-type
            (openssh-configuration
             (permit-root-login #t)
             (allow-empty-passwords? #t)))
   (service virtual-build-machine-service-type
            (virtual-build-machine
             (cpu-count 1)
             (memory-size 768)))))

%test-os
