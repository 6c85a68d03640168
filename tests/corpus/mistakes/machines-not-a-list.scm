;; guix-differential: guix-rejects
;; guix-differential: kind machines
;; A machines file returning one build machine instead of a list: guix offload ignores it.
(use-modules (guix scripts offload))

(build-machine
 (name "single.example.org")
 (systems (list "x86_64-linux"))
 (user "offload")
 (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb root@builder"))
