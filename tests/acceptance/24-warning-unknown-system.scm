;; expect: ok
;; expect: warning 12:17 known system type
;; A system type Guix does not know is only a warning: a new architecture must
;; not need a new vbmc. The machine is still written to the machines files.
(use-modules (guix scripts offload))

(list (build-machine
       (name "riscv-board.example.org")
       (user "offload")
       (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMXmqqlJEY07kgYx1Rnw6kB6dLVopR/kVIePE+DohcMm")
       (private-key "/etc/guix/offload/id_ed25519")
       (systems '("riscv64-linux" "loongarch64-linux"))))
