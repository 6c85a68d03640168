;;; (gnu services docker): Docker and containerd, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services docker)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (docker-service-type
            containerd-service-type
            singularity-service-type
            oci-container-service-type
            docker-configuration
            containerd-configuration
            oci-container-configuration))

(define-opaque-configuration docker-configuration)
(define-opaque-configuration containerd-configuration)
(define-opaque-configuration oci-container-configuration)

(define-opaque-service-types
  (docker-service-type 'docker (docker-configuration))
  (containerd-service-type 'containerd (containerd-configuration))
  (singularity-service-type 'singularity #t)
  (oci-container-service-type 'oci-container (oci-container-configuration)))
