;;; (gnu packages security-token): security tokens, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages security-token)
  #:export (pcsc-lite
            yubikey-personalization
            ccid))

(define pcsc-lite (specification->package "pcsc-lite"))
(define yubikey-personalization (specification->package "yubikey-personalization"))
(define ccid (specification->package "ccid"))
