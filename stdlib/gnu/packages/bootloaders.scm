;;; (gnu packages bootloaders): bootloaders, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages bootloaders)
  #:export (grub
            grub-efi
            grub-minimal
            syslinux
            u-boot))

(define grub (specification->package "grub"))
(define grub-efi (specification->package "grub-efi"))
(define grub-minimal (specification->package "grub-minimal"))
(define syslinux (specification->package "syslinux"))
(define u-boot (specification->package "u-boot"))
