;;; (gnu packages password-utils): password managers, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages password-utils)
  #:export (password-store
            keepassxc))

(define password-store (specification->package "password-store"))
(define keepassxc (specification->package "keepassxc"))
