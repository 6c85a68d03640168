;;; (gnu packages docker): Docker, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages docker)
  #:export (docker
            docker-cli
            containerd
            docker-compose))

(define docker (specification->package "docker"))
(define docker-cli (specification->package "docker-cli"))
(define containerd (specification->package "containerd"))
(define docker-compose (specification->package "docker-compose"))
