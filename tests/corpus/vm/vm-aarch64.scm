;; A build VM for AArch64 builds (the CPU model is not derived from the date there).
;; guix-differential: vbmc-unsupported 9 aarch64-linux x86_64 -- vbmc's guests are x86_64 (Debian amd64 bases under qemu-system-x86_64)
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'arm-builder)
                (systems '("aarch64-linux"))
                (cpu-count 4)
                (memory-size 4096)
                (port-forwardings '((15022 . 22) (15044 . 1004))))))
