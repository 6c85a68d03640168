;; guix-differential: kind machines
;; Build machines that are local VMs reached through forwarded ports on the loopback address.
(define (local-vm port systems)
  (build-machine
   (name "127.0.0.1")
   (port port)
   (systems systems)
   (user "offload")
   (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb root@builder")
   (private-key "/etc/guix/offload/id_ed25519")))

(list (local-vm 11022 '("x86_64-linux"))
      (local-vm 12022 '("i686-linux")))
