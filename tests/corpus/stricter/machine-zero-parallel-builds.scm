;; guix-differential: vbmc-stricter 9 parallel-builds -- a build machine that may run no build at all; guix offload never picks it
;; guix-differential: kind machines
;; A build machine whose parallel-builds is zero.
(list (build-machine
       (name "idle.example.org")
       (systems (list "x86_64-linux"))
       (user "offload")
       (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb root@builder")
       (parallel-builds 0)))
