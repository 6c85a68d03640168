;; guix-differential: kind machines
;; A build farm of eight identical nodes, generated from their numbers.
(use-modules (srfi srfi-1))

(define %host-key
  "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb root@builder")

(define (node n)
  (build-machine
   (name (string-append "node" (number->string n) ".farm.example.org"))
   (systems (list "x86_64-linux" "i686-linux"))
   (user "offload")
   (host-key %host-key)
   (parallel-builds (if (even? n) 8 4))))

(map node (iota 8 1))
