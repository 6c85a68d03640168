;;; (gnu services linux): Linux-specific services, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services linux)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (earlyoom-service-type
            kernel-module-loader-service-type
            zram-device-service-type
            fstrim-service-type
            rasdaemon-service-type
            earlyoom-configuration
            zram-device-configuration
            fstrim-configuration
            rasdaemon-configuration))

(define-opaque-configuration earlyoom-configuration)
(define-opaque-configuration zram-device-configuration)
(define-opaque-configuration fstrim-configuration)
(define-opaque-configuration rasdaemon-configuration)

(define-opaque-service-types
  (earlyoom-service-type 'earlyoom (earlyoom-configuration))
  (kernel-module-loader-service-type 'kernel-module-loader #t)
  (zram-device-service-type 'zram-device (zram-device-configuration))
  (fstrim-service-type 'fstrim (fstrim-configuration))
  (rasdaemon-service-type 'rasdaemon (rasdaemon-configuration)))
