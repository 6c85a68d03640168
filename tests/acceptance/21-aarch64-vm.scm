;; expect: ok
;; expect-qemu: arm64 -cpu max
;; expect-qemu: arm64 -smp cpus=2
;; A build VM for another architecture: the QEMU program is qemu-system-aarch64
;; and, with no Intel model to pick by date, the CPU model is 'max'.
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'arm64)
                (systems '("aarch64-linux"))
                (cpu-count 2)
                (port-forwardings '((17022 . 22))))))
