;;; (gnu packages llvm): LLVM, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages llvm)
  #:export (clang
            clang-toolchain
            llvm))

(define clang (specification->package "clang"))
(define clang-toolchain (specification->package "clang-toolchain"))
(define llvm (specification->package "llvm"))
