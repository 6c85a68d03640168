;; expect: error 21:17 extraneous field initializers (cpus) did you mean 'cpu'?
;; expect: error 22:32 memory-size positive 0
;; expect: error 25:9 missing field initializers (user)
;; expect: error 33:20 host-key OpenSSH public key
;; Several mistakes in one file: every one is reported, in file order, and none
;; hides another (the VM with a bad field is still checked, and so are the build
;; machines handed to guix-daemon after it).
(use-modules (gnu services)
             (gnu services base)
             (gnu services virtualization)
             (guix scripts offload))

(define vms
  (list (service virtual-build-machine-service-type
                 (virtual-build-machine
                  (name 'good)
                  (port-forwardings '((13022 . 22)))))
        (service virtual-build-machine-service-type
                 (virtual-build-machine
                  (name 'bad)
                (cpus 4)
                  (memory-size 0)))))

(define machines
  (list (build-machine
         (name "a.example.org")
         (systems '("x86_64-linux"))
         (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOBzC8gJvHvwDTE/UlnkabybN+Nk5wbZ0+Vp/kMvIjTP"))
        (build-machine
         (name "b.example.org")
         (systems '("x86_64-linux"))
         (user "offload")
         (host-key "not a key"))))

(cons (service guix-service-type
               (guix-configuration
                (build-machines machines)))
      vms)
