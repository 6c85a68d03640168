;; guix-differential: vbmc-stricter 9 host-key -- the host key is not an OpenSSH public key; guix offload only fails when it connects
;; A machines file whose host key was pasted wrongly (a fingerprint instead of the key).
(use-modules (guix scripts offload))

(list (build-machine
       (name "builder.example.org")
       (systems (list "x86_64-linux"))
       (user "offload")
       (host-key "SHA256:7y9Xqv2m2bHc1rZ1k0C3sEoP8x6cWb4hJm3N2pQ5tUo")))
