;;; offload-machines.scm: an offload machines file for guix-daemon (/etc/guix/machines.scm).
;;;
;;; guix-daemon, started with --build-hook (the default), hands builds to the machines listed
;;; here over SSH ("guix offload").  The file is plain Guile: it evaluates to a list of
;;; build-machine records.  Check it before installing it:
;;;
;;;   vbmc check examples/offload-machines.scm

;; Every machine of the build farm runs the same account and accepts the same key.
(define %offload-user "offload")
(define %offload-key "/etc/guix/offload/id_ed25519")

;; The host keys, as printed by 'ssh-keyscan -t ed25519 HOST' (pinned: guix offload refuses a
;; machine whose key changes).
(define %farm-host-keys
  '(("node1.farm.example.org"
     . "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHxTuOrbRjJgSydTgLs5Rr1SvJivEgLNrElKlModuw3o root@node1")
    ("node2.farm.example.org"
     . "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA6pCHUHQr5UBRqH3ASyz73RVbY8Dm7QVljdYmllL1fk root@node2")
    ("node3.farm.example.org"
     . "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIuAW+Rx7GseJYjJPawpZbiXpfkfLhZJN5bEY+yp7IEp root@node3")))

;; The identical x86_64 nodes of the farm, one record per host name.
(define farm-machines
  (map (lambda (entry)
         (build-machine
          (name (car entry))
          (systems (list "x86_64-linux" "i686-linux"))
          (user %offload-user)
          (private-key %offload-key)
          (host-key (cdr entry))
          (parallel-builds 4)
          (speed 2.0)
          (features '("kvm"))))
       %farm-host-keys))

(append
 farm-machines
 (list
  ;; A small ARM board for aarch64 builds: slow, one build at a time, on a non-standard port.
  (build-machine
   (name "arm-board.example.org")
   (port 2222)
   (systems '("aarch64-linux"))
   (user %offload-user)
   (private-key %offload-key)
   (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICPPatb3GaTHMYKbPL9K6CPq3KVFF4Nl6crp7HYQvlZd root@arm-board")
   (speed 0.5)
   ;; Always offload to it, however loaded it is.
   (overload-threshold #f))))
