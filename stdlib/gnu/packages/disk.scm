;;; (gnu packages disk): disk tools, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages disk)
  #:export (parted
            gparted
            dosfstools
            ddrescue
            testdisk
            fdisk))

(define parted (specification->package "parted"))
(define gparted (specification->package "gparted"))
(define dosfstools (specification->package "dosfstools"))
(define ddrescue (specification->package "ddrescue"))
(define testdisk (specification->package "testdisk"))
(define fdisk (specification->package "fdisk"))
