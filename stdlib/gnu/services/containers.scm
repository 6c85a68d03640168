;;; (gnu services containers): rootless containers, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services containers)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (rootless-podman-service-type
            oci-service-type
            rootless-podman-configuration
            oci-configuration))

(define-opaque-configuration rootless-podman-configuration)
(define-opaque-configuration oci-configuration)

(define-opaque-service-types
  (rootless-podman-service-type 'rootless-podman (rootless-podman-configuration))
  (oci-service-type 'oci (oci-configuration)))
