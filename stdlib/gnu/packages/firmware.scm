;;; (gnu packages firmware): firmware, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages firmware)
  #:export (ath9k-htc-firmware
            openfwwf-firmware
            ovmf
            seabios))

(define ath9k-htc-firmware (specification->package "ath9k-htc-firmware"))
(define openfwwf-firmware (specification->package "openfwwf-firmware"))
(define ovmf (specification->package "ovmf"))
(define seabios (specification->package "seabios"))
