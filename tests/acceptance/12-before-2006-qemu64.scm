;; expect: warning 11:23 qemu64
;; expect-qemu: retro -cpu qemu64
;; expect-qemu: retro -rtc base=2003-08-25T00:00:00,clock=vm
;; No CPU model of the table predates 2006: vbmc falls back to QEMU's generic
;; qemu64 model and warns at the date.
(use-modules (gnu services virtualization) (srfi srfi-19))

(list (service virtual-build-machine-service-type
               (virtual-build-machine
                (name 'retro)
                (date (make-date 0 0 0 0 25 8 2003 0)))))
