;; guix-differential: kind machines
;; The host key is read from a file next to the machines file when guix offload loads it.
(use-modules (ice-9 rdelim))

(define (read-key file)
  (call-with-input-file (string-append (dirname (current-filename)) "/" file)
    read-line))

(list (build-machine
       (name "builder.example.org")
       (systems (list "x86_64-linux"))
       (user "offload")
       (host-key (read-key "../support/keys/builder-host.pub"))))
