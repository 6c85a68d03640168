;;; (gnu services avahi): the Avahi mDNS/DNS-SD daemon, with the Shepherd service Guix's runs
;;; and its use of the system bus; its configuration comes from the generated data.

(define-module (gnu services avahi)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:use-module (gnu services dbus)
  #:use-module ((generated gnu services avahi) #:select (avahi-configuration))
  #:export (avahi-service-type))

(define avahi-service-type
  (daemon-service-type 'avahi '(avahi-daemon) '(user-processes dbus-system networking) (avahi-configuration)
                       "Run the Avahi mDNS/DNS-SD daemon."
                       #:extends (list dbus-root-service-type)))
