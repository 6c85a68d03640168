;;; (gnu services xorg): the X server and display managers, known by name.

(define-module (gnu services xorg)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (xorg-configuration
            xorg-configuration?
            set-xorg-configuration
            xorg-server-service-type
            gdm-service-type
            gdm-configuration
            slim-service-type
            slim-configuration
            sddm-service-type
            sddm-configuration
            lightdm-service-type
            lightdm-configuration
            screen-locker-service-type
            screen-locker-configuration
            localed-service-type))

(define-opaque-configuration xorg-configuration)
(define-opaque-configuration gdm-configuration)
(define-opaque-configuration slim-configuration)
(define-opaque-configuration sddm-configuration)
(define-opaque-configuration lightdm-configuration)
(define-opaque-configuration screen-locker-configuration)

(define (xorg-configuration? x)
  (and (opaque-configuration? x) (eq? (opaque-configuration-kind x) 'xorg-configuration)))

(define xorg-server-service-type (opaque-service-type 'xorg-server (xorg-configuration)))

(define* (set-xorg-configuration config #:optional (login-manager-service-type gdm-service-type))
  (simple-service 'set-xorg-configuration xorg-server-service-type config))

(define gdm-service-type
  (daemon-service-type 'gdm '(xorg-server) '(dbus-system user-processes host-name udev elogind)
                       (gdm-configuration) "Run the GNOME Desktop Manager (GDM)."))
(define slim-service-type
  (daemon-service-type 'slim '(xorg-server) '(user-processes host-name udev)
                       (slim-configuration) "Run the SLiM graphical login manager."))
(define sddm-service-type
  (daemon-service-type 'sddm '(xorg-server) '(user-processes host-name udev elogind)
                       (sddm-configuration) "Run the SDDM display manager."))
(define lightdm-service-type
  (daemon-service-type 'lightdm '(xorg-server) '(dbus-system user-processes host-name udev elogind)
                       (lightdm-configuration) "Run the LightDM display manager."))

(define-opaque-service-types
  (screen-locker-service-type 'screen-locker #f)
  (localed-service-type 'localed #t))
