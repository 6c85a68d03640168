;; Loaded by chain-load.scm; loads helpers.scm in turn (relative to this file).
(load "helpers.scm")

(define %chain-root (labelled-root "chained"))
