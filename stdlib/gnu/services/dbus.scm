;;; (gnu services dbus): the system bus and polkit.

(define-module (gnu services dbus)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (dbus-root-service-type
            dbus-configuration
            dbus-service
            polkit-service-type
            polkit-configuration))

(define-opaque-configuration dbus-configuration)
(define-opaque-configuration polkit-configuration)

;; Other services extend it with the packages whose D-Bus services the bus must know
;; (avahi, polkit...): those are kept out of the configuration vbmc models.
(define dbus-root-service-type
  (service-type
   (inherit (daemon-service-type 'dbus '(dbus-system) '(user-processes) (dbus-configuration)
                                 "Run the system-wide D-Bus inter-process message bus."))
   (compose concatenate)
   (extend (lambda (config packages) config))))

(define* (dbus-service #:key (dbus #f) (services '()) (verbose? #f))
  (service dbus-root-service-type (dbus-configuration (services services))))

(define polkit-service-type
  (opaque-service-type 'polkit (polkit-configuration)))
