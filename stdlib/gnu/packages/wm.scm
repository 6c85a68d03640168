;;; (gnu packages wm): window managers, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages wm)
  #:export (i3-wm
            i3status
            sway
            swaylock
            dmenu
            awesome
            stumpwm
            openbox
            herbstluftwm))

(define i3-wm (specification->package "i3-wm"))
(define i3status (specification->package "i3status"))
(define sway (specification->package "sway"))
(define swaylock (specification->package "swaylock"))
(define dmenu (specification->package "dmenu"))
(define awesome (specification->package "awesome"))
(define stumpwm (specification->package "stumpwm"))
(define openbox (specification->package "openbox"))
(define herbstluftwm (specification->package "herbstluftwm"))
