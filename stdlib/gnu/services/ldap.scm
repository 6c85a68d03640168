;;; (gnu services ldap): LDAP, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services ldap)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (directory-server-service-type
            directory-server-instance-configuration))

(define-opaque-configuration directory-server-instance-configuration)

(define-opaque-service-types
  (directory-server-service-type 'directory-server #t))
