;; expect: error 11:25 getenv
;; Machines files often read $HOME for the private key; vbmc configurations are pure, so the
;; call is reported where it is written (guix offload runs as root anyway: /root/.ssh/id_rsa).
(list (build-machine
       (name "armbox.example.org")
       (systems '("aarch64-linux"))
       (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE5HpKLkHlriZqSFN1C35pFckqhpFzmPOF5iuGALUwar")
       (user "builder")
       ;; What the Guix manual's example does; not possible in a pure configuration.
       (private-key
        (string-append (getenv "HOME") "/.ssh/id_ed25519"))))
