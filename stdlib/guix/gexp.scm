;;; (guix gexp): G-expressions and file-like objects.
;;;
;;; The reader reads #~ #$ #$@ #+ and the evaluator builds gexp values from them; the file-like
;;; constructors are builtins.  This module exists so that (use-modules (guix gexp)) works as in
;;; Guix; gexp->derivation and friends need a store and are not offered.

(define-module (guix gexp)
  #:re-export (local-file
               plain-file
               mixed-text-file
               file-append
               computed-file
               program-file
               scheme-file
               gexp?
               file-like?)
  #:export (text-file*
            with-imported-modules
            with-extensions))

;; Upstream's text-file* is a store monadic procedure; in configurations it is used like
;; mixed-text-file.
(define (text-file* name . parts) (apply mixed-text-file name parts))

;; Module and extension closures only matter when a gexp is built into a derivation.
(define-syntax with-imported-modules
  (syntax-rules () ((_ modules body ...) (begin body ...))))

(define-syntax with-extensions
  (syntax-rules () ((_ extensions body ...) (begin body ...))))
