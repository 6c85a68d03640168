;;; (guix records): define-record-type* with Guix's semantics.
;;;
;;; define-record-type* is a special form of the evaluator (src/Vbmc.Evaluator/Records/): field
;;; initializers bind like let*, defaults are evaluated at each construction, thunked fields are
;;; procedures of the record (this-id), delayed fields are forced once, innate fields are not
;;; inherited, sanitize applies to every value; vbmc adds (type T) and (deprecated "message").
;;; The module exists so that (use-modules (guix records)) works as in Guix.

(define-module (guix records))
