;; expect: error 13:15 cpu-count
;; expect: error 14:10 date
;; Two mistakes in one build VM inside a whole system: no CPU at all, and a date given as a
;; string instead of a SRFI-19 date.  Both are reported in one run.
(use-modules (gnu) (gnu services virtualization) (srfi srfi-19))

(define %vm-memory (* 2 1024))

(define broken-vm
  (virtual-build-machine
   (name 'broken)
   (memory-size %vm-memory)
   (cpu-count 0)
   (date "2018-01-01")))

(operating-system
  (host-name "vmhost")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service virtual-build-machine-service-type broken-vm)
                  %base-services)))
