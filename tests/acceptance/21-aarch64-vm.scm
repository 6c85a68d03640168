;; expect: error 12:26 unsupported aarch64-linux x86_64
;; A build VM for another architecture: Guix would run it under qemu-system-aarch64, but vbmc's
;; guests are x86_64 (Debian amd64 bases booted by qemu-system-x86_64), so it says so at the
;; systems field instead of writing a command QEMU cannot start.
(use-modules (gnu services)
             (gnu services virtualization))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'arm64)
                (cpu-count 2)
                (systems '("aarch64-linux"))
                (port-forwardings '((17022 . 22))))))
