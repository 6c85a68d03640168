;;; (gnu services databases): database servers, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services databases)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (postgresql-service-type
            postgresql-role-service-type
            memcached-service-type
            mysql-service-type
            redis-service-type
            mongodb-service-type
            postgresql-configuration
            postgresql-config-file
            postgresql-role
            postgresql-role-configuration
            memcached-configuration
            mysql-configuration
            redis-configuration))

(define-opaque-configuration postgresql-configuration)
(define-opaque-configuration postgresql-config-file)
(define-opaque-configuration postgresql-role)
(define-opaque-configuration postgresql-role-configuration)
(define-opaque-configuration memcached-configuration)
(define-opaque-configuration mysql-configuration)
(define-opaque-configuration redis-configuration)

(define-opaque-service-types
  (postgresql-service-type 'postgresql (postgresql-configuration))
  (postgresql-role-service-type 'postgresql-role (postgresql-role-configuration))
  (memcached-service-type 'memcached (memcached-configuration))
  (mysql-service-type 'mysql (mysql-configuration))
  (redis-service-type 'redis (redis-configuration))
  (mongodb-service-type 'mongodb #t))
