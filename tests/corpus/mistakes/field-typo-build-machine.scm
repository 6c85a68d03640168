;; guix-differential: guix-rejects
;; A machines file with a misspelt field: hostkey instead of host-key.
(use-modules (guix scripts offload))

(list (build-machine
       (name "builder.example.org")
       (systems (list "x86_64-linux"))
       (user "offload")
       (hostkey "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb root@builder")))
