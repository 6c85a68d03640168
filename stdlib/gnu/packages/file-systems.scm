;;; (gnu packages file-systems): file system tools, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages file-systems)
  #:export (bcachefs-tools
            zfs
            exfat-utils
            fuse-exfat
            ntfs-3g))

(define bcachefs-tools (specification->package "bcachefs-tools"))
(define zfs (specification->package "zfs"))
(define exfat-utils (specification->package "exfat-utils"))
(define fuse-exfat (specification->package "fuse-exfat"))
(define ntfs-3g (specification->package "ntfs-3g"))
