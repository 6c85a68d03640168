;;; (gnu services auditd): the audit daemon, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services auditd)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (auditd-service-type
            auditd-configuration))

(define-opaque-configuration auditd-configuration)

(define-opaque-service-types
  (auditd-service-type 'auditd (auditd-configuration)))
