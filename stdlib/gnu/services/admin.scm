;;; (gnu services admin): administration services, known to vbmc by name only.
;;;
;;; log-rotation and log-cleanup are part of %base-services: they are re-exported from
;;; (gnu services base) so that modify-services finds the same types.

(define-module (gnu services admin)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:use-module (gnu services base)
  #:re-export (log-rotation-service-type
               log-cleanup-service-type)
  #:export (rottlog-service-type
            unattended-upgrade-service-type
            rottlog-configuration
            log-rotation
            log-cleanup-configuration
            unattended-upgrade-configuration))

(define-opaque-configuration rottlog-configuration)
(define-opaque-configuration log-rotation)
(define-opaque-configuration log-cleanup-configuration)
(define-opaque-configuration unattended-upgrade-configuration)

(define-opaque-service-types
  (rottlog-service-type 'rottlog (rottlog-configuration))
  (unattended-upgrade-service-type 'unattended-upgrade (unattended-upgrade-configuration)))
