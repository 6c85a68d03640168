;;; (gnu services dbus): the system bus, with the Shepherd service Guix's provides.
;;;
;;; polkit, the configurations and the deprecated dbus-service are Guix's own, from the
;;; generated data (stdlib/generated): this module's completion exports them.

(define-module (gnu services dbus)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:use-module ((generated gnu services dbus) #:select (dbus-configuration))
  #:export (dbus-root-service-type))

(define dbus-root-service-type
  (daemon-service-type 'dbus '(dbus-system) '(user-processes) (dbus-configuration)
                       "Run the system-wide D-Bus inter-process message bus."))
