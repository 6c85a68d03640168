;;; (gnu packages networking): networking tools, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages networking)
  #:export (iperf
            socat
            netcat
            ipcalc
            traceroute
            mtr
            bind))

(define iperf (specification->package "iperf"))
(define socat (specification->package "socat"))
(define netcat (specification->package "netcat"))
(define ipcalc (specification->package "ipcalc"))
(define traceroute (specification->package "traceroute"))
(define mtr (specification->package "mtr"))
(define bind (specification->package "bind"))
