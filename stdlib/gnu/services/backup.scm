;;; (gnu services backup): backups, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services backup)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (restic-backup-service-type
            restic-backup-configuration
            restic-backup-job))

(define-opaque-configuration restic-backup-configuration)
(define-opaque-configuration restic-backup-job)

(define-opaque-service-types
  (restic-backup-service-type 'restic-backup (restic-backup-configuration)))
