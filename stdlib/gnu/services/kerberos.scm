;;; (gnu services kerberos): Kerberos, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services kerberos)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (krb5-service-type
            pam-krb5-service-type
            krb5-configuration
            krb5-realm
            pam-krb5-configuration))

(define-opaque-configuration krb5-configuration)
(define-opaque-configuration krb5-realm)
(define-opaque-configuration pam-krb5-configuration)

(define-opaque-service-types
  (krb5-service-type 'krb5 (krb5-configuration))
  (pam-krb5-service-type 'pam-krb5 (pam-krb5-configuration)))
