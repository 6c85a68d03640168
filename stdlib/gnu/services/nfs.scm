;;; (gnu services nfs): NFS, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services nfs)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (nfs-service-type
            rpcbind-service-type
            pipefs-service-type
            gss-service-type
            idmap-service-type
            nfs-configuration
            rpcbind-configuration))

(define-opaque-configuration nfs-configuration)
(define-opaque-configuration rpcbind-configuration)

(define-opaque-service-types
  (nfs-service-type 'nfs (nfs-configuration))
  (rpcbind-service-type 'rpcbind (rpcbind-configuration))
  (pipefs-service-type 'pipefs #t)
  (gss-service-type 'gss #t)
  (idmap-service-type 'idmap #t))
