;;; (gnu services web): web servers, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services web)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (nginx-service-type
            httpd-service-type
            fcgiwrap-service-type
            php-fpm-service-type
            varnish-service-type
            anonip-service-type
            hpcguix-web-service-type
            whoogle-service-type
            patchwork-service-type
            mumi-service-type
            gmnisrv-service-type
            agate-service-type
            tailon-service-type
            cgit-service-type
            laminar-service-type
            nginx-configuration
            nginx-server-configuration
            nginx-location-configuration
            nginx-upstream-configuration
            nginx-named-location-configuration
            httpd-configuration
            httpd-config-file
            httpd-module
            httpd-virtualhost
            fcgiwrap-configuration
            php-fpm-configuration
            varnish-configuration
            cgit-configuration))

(define-opaque-configuration nginx-configuration)
(define-opaque-configuration nginx-server-configuration)
(define-opaque-configuration nginx-location-configuration)
(define-opaque-configuration nginx-upstream-configuration)
(define-opaque-configuration nginx-named-location-configuration)
(define-opaque-configuration httpd-configuration)
(define-opaque-configuration httpd-config-file)
(define-opaque-configuration httpd-module)
(define-opaque-configuration httpd-virtualhost)
(define-opaque-configuration fcgiwrap-configuration)
(define-opaque-configuration php-fpm-configuration)
(define-opaque-configuration varnish-configuration)
(define-opaque-configuration cgit-configuration)

(define-opaque-service-types
  (nginx-service-type 'nginx (nginx-configuration))
  (httpd-service-type 'httpd (httpd-configuration))
  (fcgiwrap-service-type 'fcgiwrap (fcgiwrap-configuration))
  (php-fpm-service-type 'php-fpm (php-fpm-configuration))
  (varnish-service-type 'varnish (varnish-configuration))
  (anonip-service-type 'anonip #t)
  (hpcguix-web-service-type 'hpcguix-web #t)
  (whoogle-service-type 'whoogle #t)
  (patchwork-service-type 'patchwork #t)
  (mumi-service-type 'mumi #t)
  (gmnisrv-service-type 'gmnisrv #t)
  (agate-service-type 'agate #t)
  (tailon-service-type 'tailon #t)
  (cgit-service-type 'cgit (cgit-configuration))
  (laminar-service-type 'laminar #t))
