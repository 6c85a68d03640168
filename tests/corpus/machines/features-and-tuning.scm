;; guix-differential: kind machines
;; A build machine with features (kvm, for system tests), compression and load tuning.
(list (build-machine
       (name "kvm-builder.example.org")
       (systems (list "x86_64-linux"))
       (features (list "kvm" "nixos-test"))
       (user "offload")
       (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb root@builder")
       (compression "zlib@openssh.com,zlib")
       (compression-level 6)
       (daemon-socket "/var/guix/daemon-socket/socket")
       (overload-threshold 0.8)
       (parallel-builds 4)))
