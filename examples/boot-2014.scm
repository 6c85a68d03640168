;;; boot-2014.scm: a small build VM that starts on 1 June 2014 (vbmc's end-to-end boot test).
;;;
;;; Its CPU model follows the date: Broadwell, the newest model released before June 2014.  Two
;;; CPUs and 1 GiB of memory are enough for the guest's sshd and build daemon, and keep a boot
;;; without KVM (QEMU's TCG) short.  The guest is the default one: a Debian sid root with the
;;; offloading account, sshd, guix-daemon and nix-daemon, its clock at the date.
;;;
;;;   vbmc check examples/boot-2014.scm
;;;   vbmc compile examples/boot-2014.scm -o out     # out/boot-2014.qcow2, out/run-boot-2014.sh ...
(use-modules (gnu services) (gnu services virtualization) (srfi srfi-19))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'boot-2014)
                ;; SRFI-19: nanosecond second minute hour day month year zone-offset.
                (date (make-date 0 0 0 0 1 6 2014 0))
                (cpu-count 2)
                (memory-size 1024)
                ;; Its own host port, so that it can run beside the default build VM (11022).
                (port-forwardings '((11422 . 22))))))
