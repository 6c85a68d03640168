;;; (gnu packages package-management): package managers, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages package-management)
  #:re-export (guix)
  #:export (nix
            flatpak
            stow))

(define nix (specification->package "nix"))
(define flatpak (specification->package "flatpak"))
(define stow (specification->package "stow"))
