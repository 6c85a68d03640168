;; guix-differential: kind machines
;; A machines file as most people write it: no use-modules, since guix offload provides
;; build-machine in the module it loads the file in.
(list (build-machine
       (name "builder.lan")
       (systems (list "x86_64-linux"))
       (user "guix-offload")
       (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb root@builder")))
