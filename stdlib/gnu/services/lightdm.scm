;;; (gnu services lightdm): the LightDM display manager, with the Shepherd service Guix's runs
;;; ('xorg-server') and its use of the system bus; its configuration comes from the generated data.

(define-module (gnu services lightdm)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:use-module (gnu services dbus)
  #:use-module ((generated gnu services lightdm) #:select (lightdm-configuration))
  #:export (lightdm-service-type))

(define lightdm-service-type
  (daemon-service-type 'lightdm '(xorg-server) '(dbus-system user-processes host-name udev elogind)
                       (lightdm-configuration) "Run the LightDM display manager."
                       #:extends (list dbus-root-service-type)))
