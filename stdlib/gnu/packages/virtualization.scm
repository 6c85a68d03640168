;;; (gnu packages virtualization): virtualization, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages virtualization)
  #:re-export (qemu
               qemu-minimal)
  #:export (libvirt
            virt-manager
            vagrant
            bochs))

(define libvirt (specification->package "libvirt"))
(define virt-manager (specification->package "virt-manager"))
(define vagrant (specification->package "vagrant"))
(define bochs (specification->package "bochs"))
