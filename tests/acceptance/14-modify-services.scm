;; expect: ok
;; expect-qemu: build-vm -smp cpus=2
;; expect-qemu: build-vm -m 4096
;; modify-services over %base-services, as real Guix System configurations do:
;; guix-daemon gets extra options and a substitute server, and the build VM
;; comes first in the list.
(use-modules (gnu))
(use-service-modules base virtualization)

(operating-system
  (host-name "workstation")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/vda"))))
  (file-systems (cons (file-system
                        (mount-point "/")
                        (device "/dev/vda1")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons (service virtual-build-machine-service-type
                  (virtual-build-machine
                   (cpu-count 2)
                   (memory-size 4096)))
         (modify-services %base-services
           (guix-service-type
            config => (guix-configuration
                       (inherit config)
                       (substitute-urls
                        (cons "https://substitutes.example.org"
                              (guix-configuration-substitute-urls config)))
                       (extra-options '("--cores=2" "--max-jobs=2"))))))))
