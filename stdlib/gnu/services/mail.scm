;;; (gnu services mail): mail servers, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services mail)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (dovecot-service-type
            opensmtpd-service-type
            mail-aliases-service-type
            exim-service-type
            getmail-service-type
            imap4d-service-type
            radicale-service-type
            rspamd-service-type
            dovecot-configuration
            opensmtpd-configuration
            exim-configuration
            getmail-configuration))

(define-opaque-configuration dovecot-configuration)
(define-opaque-configuration opensmtpd-configuration)
(define-opaque-configuration exim-configuration)
(define-opaque-configuration getmail-configuration)

(define-opaque-service-types
  (dovecot-service-type 'dovecot (dovecot-configuration))
  (opensmtpd-service-type 'opensmtpd (opensmtpd-configuration))
  (mail-aliases-service-type 'mail-aliases #t)
  (exim-service-type 'exim (exim-configuration))
  (getmail-service-type 'getmail (getmail-configuration))
  (imap4d-service-type 'imap4d #t)
  (radicale-service-type 'radicale #t)
  (rspamd-service-type 'rspamd #t))
