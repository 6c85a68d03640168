;;; (gnu packages vim): Vim, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages vim)
  #:export (vim
            vim-full
            neovim))

(define vim (specification->package "vim@9.1.0"))
(define vim-full (specification->package "vim-full"))
(define neovim (specification->package "neovim"))
