;;; (gnu services xorg): the display managers other services depend on, with the Shepherd
;;; service Guix's run ('xorg-server'), and set-xorg-configuration.
;;;
;;; Every other name of Guix's module (xorg-server-service-type, xorg-configuration,
;;; screen-locker-service-type...) comes from the generated data (stdlib/generated): this
;;; module's completion exports them.

(define-module (gnu services xorg)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:use-module (gnu services dbus)
  #:use-module ((generated gnu services xorg)
                #:select (xorg-server-service-type gdm-configuration slim-configuration))
  #:export (set-xorg-configuration
            gdm-service-type
            slim-service-type))

(define* (set-xorg-configuration config #:optional (login-manager-service-type gdm-service-type))
  (simple-service 'set-xorg-configuration xorg-server-service-type config))

(define gdm-service-type
  (daemon-service-type 'gdm '(xorg-server) '(dbus-system user-processes host-name udev elogind)
                       (gdm-configuration) "Run the GNOME Desktop Manager (GDM)."
                       #:extends (list dbus-root-service-type)))

(define slim-service-type
  (daemon-service-type 'slim '(xorg-server) '(user-processes host-name udev)
                       (slim-configuration) "Run the SLiM graphical login manager."))
