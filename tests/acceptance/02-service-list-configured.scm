;; expect: ok
;; expect-qemu: builder -cpu Haswell
;; expect-qemu: builder -smp cpus=6
;; expect-qemu: builder -m 3072
;; expect-qemu: builder -rtc base=2020-01-01T00:00:00,clock=vm
;; expect-qemu: builder -nic user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:10022-:22
;; A configured build VM given as a bare list of services (the manual's second
;; example, with other values): an explicit CPU model overrides the one of the date.
(use-modules (gnu services)
             (gnu services virtualization))

(list
 (service virtual-build-machine-service-type
          (virtual-build-machine
           (name 'builder)
           (cpu "Haswell")
           (cpu-count 6)
           (memory-size (* 3 1024))
           (port-forwardings '((10022 . 22))))))
