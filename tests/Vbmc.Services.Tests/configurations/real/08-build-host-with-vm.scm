;; expect: ok
;; A complete build host: its own users and SSH, a time-travelling build VM that starts at boot,
;; and the daemon told to use more jobs; the VM registers itself as an offload target.
(use-modules (gnu) (gnu services virtualization) (srfi srfi-19))
(use-service-modules base networking ssh)

(define %vm-date
  (make-date 0 0 0 0 1 3 2018 0))

(define time-trap-vm
  (virtual-build-machine
   (name 'time-trap)
   (date %vm-date)
   (cpu-count 8)
   (memory-size (* 8 1024))
   (auto-start? #t)))

(operating-system
  (host-name "rebuilder")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/nvme0n1"))))
  (file-systems (cons (file-system
                        (device (file-system-label "rebuilder-root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "ops")
                (group "users")
                (supplementary-groups '("wheel" "kvm")))
               %base-user-accounts))
  (services
   (append (list (service dhcp-client-service-type)
                 (service openssh-service-type
                          (openssh-configuration
                           (password-authentication? #f)
                           (authorized-keys
                            `(("ops" ,(local-file "keys/alice.pub"))))))
                 (service virtual-build-machine-service-type time-trap-vm))
           (modify-services %base-services
             (guix-service-type config =>
                                (guix-configuration
                                 (inherit config)
                                 (max-silent-time 7200)
                                 (extra-options '("--max-jobs=4"))))))))
