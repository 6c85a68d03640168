;;; (gnu services configuration): what define-configuration records are checked with.
;;;
;;; `define-configuration', `define-configuration/no-serialization', `define-maybe' and
;;; `define-maybe/no-serialization' are expanded by vbmc's analyser (Guix/ConfigurationSyntax.cs)
;;; into a define-record-type* whose fields are sanitized by their type's predicate, and a
;;; STEM-fields list of configuration-field records, as Guix 1.5.0 expands them. The procedures
;;; below are what those expansions and user serializers call; they behave as Guix's. Everything
;;; else of the module (serialize-configuration, generate-documentation...) comes from the
;;; generated data and is opaque.

(define-module (gnu services configuration)
  #:use-module ((generated gnu services configuration) #:select (configuration-field %unset-value))
  #:export (maybe-value-set? maybe-value list-of list-of-strings? list-of-symbols?
            list-of-packages? alist? text-config? empty-serializer
            configuration-field-error configuration-missing-field configuration-error))

(define (maybe-value-set? value)
  (not (eq? value %unset-value)))

(define* (maybe-value value #:optional (default #f))
  (if (maybe-value-set? value) value default))

(define (list-of pred?)
  (lambda (x)
    (and (list? x) (every pred? x))))

(define list-of-strings? (list-of string?))
(define list-of-symbols? (list-of symbol?))
(define list-of-packages? (list-of package?))

(define (alist? value)
  (and (list? value) (every pair? value)))

(define text-config? (list-of file-like?))

(define (empty-serializer field-name value) "")

(define (configuration-error message)
  (error message))

;; Guix's message: "invalid value VALUE for field 'FIELD'" (VALUE written).
(define (configuration-field-error location field value)
  (error (format #f "invalid value ~s for field '~a'" value field)))

(define (configuration-missing-field kind field)
  (error (format #f "~a configuration missing required field ~a" kind field)))
