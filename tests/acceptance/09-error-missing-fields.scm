;; expect: error 7:7 missing field initializers (host-key)
;; expect: warning 7:7 systems
;; expect: error 10:7 missing field initializers (name user host-key)
;; Fields without a default must be given: the error is at the record form and
;; lists every missing field.
(use-modules (guix scripts offload))
(list (build-machine
       (name "one.example.org")
       (user "offload"))
      (build-machine
       (systems '("x86_64-linux"))))
