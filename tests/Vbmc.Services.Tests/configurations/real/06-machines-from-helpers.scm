;; expect: ok
;; An offload machines file (/etc/guix/machines.scm) built from a table with map and a define*
;; helper whose keyword arguments carry the common settings.
(use-modules (srfi srfi-1))

(define* (farm-node name host-key
                    #:key (systems '("x86_64-linux" "i686-linux"))
                          (jobs 2) (speed 1.0) (port 22))
  (build-machine
   (name name)
   (port port)
   (systems systems)
   (user "offload")
   (private-key "/etc/guix/offload/id_ed25519")
   (host-key host-key)
   (parallel-builds jobs)
   (speed speed)))

;; (host host-key cores)
(define %nodes
  '(("n1.builds.example.net"
     "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBoKCyBMxE16bK8ZqNKaRuNYteaL6bv8Pdz8LvuRwDIl"
     16)
    ("n2.builds.example.net"
     "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE5HpKLkHlriZqSFN1C35pFckqhpFzmPOF5iuGALUwar"
     8)
    ("n3.builds.example.net"
     "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILI9mX7KUaeYQUXYYvJrRksozMAic+jS9BD9aMi+pett"
     4)))

(define x86-nodes
  (map (lambda (node)
         (let ((cores (third node)))
           (farm-node (first node) (second node)
                      #:jobs (max 1 (quotient cores 4))
                      #:speed (/ cores 4.0))))
       %nodes))

(append x86-nodes
        (list (farm-node "pi.builds.example.net"
                         "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHxTuOrbRjJgSydTgLs5Rr1SvJivEgLNrElKlModuw3o"
                         #:systems '("aarch64-linux" "armhf-linux")
                         #:port 2222
                         #:speed 0.3)))
