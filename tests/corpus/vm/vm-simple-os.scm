;; The system tests' simple operating system, with networking and a build VM added.
(use-modules (gnu) (gnu tests))
(use-service-modules networking virtualization)

(simple-operating-system
 (service dhcpcd-service-type)
 (service virtual-build-machine-service-type
          (virtual-build-machine
           (name 'test-vm)
           (cpu-count 1)
           (memory-size 1024))))
