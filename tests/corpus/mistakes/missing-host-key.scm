;; guix-differential: guix-rejects
;; guix-differential: kind machines
;; A build machine without the host-key field guix offload needs.
(list (build-machine
       (name "nokey.example.org")
       (systems (list "x86_64-linux"))
       (user "offload")))
