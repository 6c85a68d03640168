;;; (gnu services rsync): rsync, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services rsync)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (rsync-service-type
            rsync-configuration
            rsync-module))

(define-opaque-configuration rsync-configuration)
(define-opaque-configuration rsync-module)

(define-opaque-service-types
  (rsync-service-type 'rsync (rsync-configuration)))
