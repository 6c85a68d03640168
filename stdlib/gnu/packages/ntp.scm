;;; (gnu packages ntp): NTP, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages ntp)
  #:export (ntp
            openntpd
            chrony))

(define ntp (specification->package "ntp"))
(define openntpd (specification->package "openntpd"))
(define chrony (specification->package "chrony"))
