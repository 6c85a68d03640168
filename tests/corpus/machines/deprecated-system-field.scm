;; guix-differential: kind machines
;; An old machines file that still uses the deprecated `system' field.
(list (build-machine
       (name "legacy.example.org")
       (system "x86_64-linux")
       (user "offload")
       (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb root@builder")))
