;;; (gnu packages version-control): version control, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages version-control)
  #:export (git
            git-minimal
            mercurial
            subversion
            cvs
            git-lfs))

(define git (specification->package "git@2.46.0"))
(define git-minimal (specification->package "git-minimal"))
(define mercurial (specification->package "mercurial"))
(define subversion (specification->package "subversion"))
(define cvs (specification->package "cvs"))
(define git-lfs (specification->package "git-lfs"))
