;;; (gnu packages gnome): GNOME, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages gnome)
  #:export (gnome
            gnome-shell
            gnome-terminal
            nautilus
            gnome-tweaks
            network-manager
            network-manager-applet
            evince
            gvfs))

(define gnome (specification->package "gnome"))
(define gnome-shell (specification->package "gnome-shell"))
(define gnome-terminal (specification->package "gnome-terminal"))
(define nautilus (specification->package "nautilus"))
(define gnome-tweaks (specification->package "gnome-tweaks"))
(define network-manager (specification->package "network-manager"))
(define network-manager-applet (specification->package "network-manager-applet"))
(define evince (specification->package "evince"))
(define gvfs (specification->package "gvfs"))
