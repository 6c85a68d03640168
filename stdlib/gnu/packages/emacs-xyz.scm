;;; (gnu packages emacs-xyz): Emacs packages, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages emacs-xyz)
  #:export (emacs-magit
            emacs-geiser
            emacs-guix
            emacs-paredit
            emacs-use-package
            emacs-evil))

(define emacs-magit (specification->package "emacs-magit"))
(define emacs-geiser (specification->package "emacs-geiser"))
(define emacs-guix (specification->package "emacs-guix"))
(define emacs-paredit (specification->package "emacs-paredit"))
(define emacs-use-package (specification->package "emacs-use-package"))
(define emacs-evil (specification->package "emacs-evil"))
