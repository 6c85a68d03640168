;;; (gnu packages virtualization): the QEMU packages of the catalogue (opaque values).

(define-module (gnu packages virtualization)
  #:re-export (qemu qemu-minimal))
