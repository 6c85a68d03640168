;; expect: ok
;; expect: warning 13:24 getenv "HOME" depends on the host /root
;; Machines files often read $HOME for the private key; vbmc's checks do not depend on the host,
;; so the call is a warning where it is written and answers root's home (guix offload runs as
;; root: /root/.ssh/id_ed25519) unless --env HOME=... says otherwise.
(list (build-machine
       (name "armbox.example.org")
       (systems '("aarch64-linux"))
       (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE5HpKLkHlriZqSFN1C35pFckqhpFzmPOF5iuGALUwar")
       (user "builder")
       ;; What the Guix manual's example does; not possible in a pure configuration.
       (private-key
        (string-append (getenv "HOME") "/.ssh/id_ed25519"))))
