;;; (gnu services avahi): the Avahi mDNS/DNS-SD daemon.

(define-module (gnu services avahi)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:use-module (gnu services dbus)
  #:export (avahi-service-type
            avahi-configuration))

(define-opaque-configuration avahi-configuration)

;; As Guix's, Avahi extends the system bus with its D-Bus service, so a configuration that has
;; Avahi gets the bus (dbus-system, which the daemon requires) even without %desktop-services.
(define avahi-service-type
  (let ((daemon (daemon-service-type 'avahi '(avahi-daemon) '(user-processes dbus-system networking) (avahi-configuration)
                                     "Run the Avahi mDNS/DNS-SD daemon.")))
    (service-type
     (inherit daemon)
     (extensions (cons (service-extension dbus-root-service-type (lambda (config) '()))
                       (service-type-extensions daemon))))))
