;; expect: ok
;; expect-qemu: tiny -m 768
;; expect-qemu: tiny -cpu Skylake-Client
;; expect-qemu: tiny -nic user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:11022-:22
;; The operating system of a Guix system test: simple-operating-system from
;; (gnu tests) with one small build VM and its only core.
(use-modules (gnu)
             (gnu tests)
             (gnu services virtualization))

(simple-operating-system
 (service virtual-build-machine-service-type
          (virtual-build-machine
           (name 'tiny)
           (cpu-count 1)
           (memory-size 768))))
