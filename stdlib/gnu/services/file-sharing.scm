;;; (gnu services file-sharing): file sharing, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services file-sharing)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (transmission-daemon-service-type
            transmission-daemon-configuration))

(define-opaque-configuration transmission-daemon-configuration)

(define-opaque-service-types
  (transmission-daemon-service-type 'transmission-daemon (transmission-daemon-configuration)))
