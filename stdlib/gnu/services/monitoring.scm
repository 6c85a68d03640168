;;; (gnu services monitoring): monitoring, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services monitoring)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (prometheus-node-exporter-service-type
            zabbix-server-service-type
            zabbix-agent-service-type
            darkstat-service-type
            vnstat-service-type
            prometheus-node-exporter-configuration
            zabbix-server-configuration
            zabbix-agent-configuration
            vnstat-configuration))

(define-opaque-configuration prometheus-node-exporter-configuration)
(define-opaque-configuration zabbix-server-configuration)
(define-opaque-configuration zabbix-agent-configuration)
(define-opaque-configuration vnstat-configuration)

(define-opaque-service-types
  (prometheus-node-exporter-service-type 'prometheus-node-exporter (prometheus-node-exporter-configuration))
  (zabbix-server-service-type 'zabbix-server (zabbix-server-configuration))
  (zabbix-agent-service-type 'zabbix-agent (zabbix-agent-configuration))
  (darkstat-service-type 'darkstat #t)
  (vnstat-service-type 'vnstat (vnstat-configuration)))
