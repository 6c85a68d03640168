;; A machines file (/etc/guix/machines.scm) with two build machines, importing the module itself.
(use-modules (guix scripts offload))

(list (build-machine
       (name "x86.builds.example.net")
       (systems (list "x86_64-linux" "i686-linux"))
       (user "offload")
       (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRMBWGa1XkprVAcTU8jY30AEiGt0G3OhT5mEyfS3UBb root@builder")
       (private-key "/etc/guix/offload/id_ed25519")
       (parallel-builds 8)
       (speed 2.0))
      (build-machine
       (name "arm.builds.example.net")
       (systems (list "aarch64-linux" "armhf-linux"))
       (user "offload")
       (port 2222)
       (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKIqhoNl0IuTFtyOwhrBFqPa3qVEUq1cUmzeF/iTz0mg corpus@example.org")
       (parallel-builds 2)
       (speed 0.5)))
