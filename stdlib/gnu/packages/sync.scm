;;; (gnu packages sync): file synchronisation, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages sync)
  #:export (syncthing
            rclone
            unison))

(define syncthing (specification->package "syncthing"))
(define rclone (specification->package "rclone"))
(define unison (specification->package "unison"))
