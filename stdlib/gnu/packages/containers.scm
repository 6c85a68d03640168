;;; (gnu packages containers): containers, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages containers)
  #:export (podman
            buildah
            crun))

(define podman (specification->package "podman"))
(define buildah (specification->package "buildah"))
(define crun (specification->package "crun"))
