;;; (gnu packages audio): audio, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages audio)
  #:export (pulseaudio
            pavucontrol))

(define pulseaudio (specification->package "pulseaudio"))
(define pavucontrol (specification->package "pavucontrol"))
