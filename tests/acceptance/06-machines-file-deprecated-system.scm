;; expect: ok
;; expect: warning 22:8 deprecated systems
;; An offload machines file (/etc/guix/machines.scm) as people write them: a list
;; of build-machine records. The second one still uses the 'system' field, which
;; upstream deprecated in favour of 'systems'.
(use-modules (guix scripts offload))

(list (build-machine
       (name "x86.lab.example.net")
       (systems (list "x86_64-linux" "i686-linux"))
       (user "offload")
       (private-key "/etc/guix/offload/id_ed25519")
       (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDeE1OIqnHLWZM7TPuGqfpsHSidQSTSk6StxpDC5ZvdV")
       (parallel-builds 6)
       (speed 1.5)
       (features '("kvm")))
      (build-machine
       (name "pinebook.lab.example.net")
       (port 2200)
       (user "guix-builder")
       (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMXmqqlJEY07kgYx1Rnw6kB6dLVopR/kVIePE+DohcMm")
       (system "aarch64-linux")
       (speed 0.5)))
