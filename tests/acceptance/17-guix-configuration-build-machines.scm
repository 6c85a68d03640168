;; expect: ok
;; expect-qemu: local-vm -cpu IvyBridge
;; expect-qemu: local-vm -rtc base=2012-06-01T00:00:00,clock=vm
;; An operating system whose guix-daemon offloads both to build machines it
;; lists itself (guix-configuration's build-machines) and to a local build VM,
;; which the VM's service adds to the same list.
(use-modules (gnu)
             (guix scripts offload)
             (srfi srfi-19))
(use-service-modules base networking ssh virtualization)

(define (farm-node name key)
  (build-machine
   (name name)
   (systems '("x86_64-linux"))
   (user "offload")
   (private-key "/etc/guix/offload/id_ed25519")
   (host-key key)
   (parallel-builds 8)))

(operating-system
  (host-name "build-head")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (mount-point "/")
                        (device (file-system-label "root"))
                        (type "ext4"))
                      %base-file-systems))
  (services
   (append
    (list (service dhcp-client-service-type)
          (service openssh-service-type)
          (service virtual-build-machine-service-type
                   (virtual-build-machine
                    (name 'local-vm)
                    (date (make-date 0 0 0 0 1 6 2012 0)))))
    (modify-services %base-services
      (guix-service-type
       config => (guix-configuration
                  (inherit config)
                  (build-machines
                   (list (farm-node "node-a.example.org"
                                    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDeE1OIqnHLWZM7TPuGqfpsHSidQSTSk6StxpDC5ZvdV")
                         (farm-node "node-b.example.org"
                                    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOBzC8gJvHvwDTE/UlnkabybN+Nk5wbZ0+Vp/kMvIjTP")))))))))
