;;; (gnu services desktop): the desktop daemons other services depend on, and %desktop-services.
;;;
;;; %desktop-services is, as upstream, the desktop's own services followed by %base-services,
;;; so that (modify-services %desktop-services (guix-service-type ...)) works.  The desktop
;;; services that run daemons provide upstream's Shepherd names (elogind, upower-daemon...), so
;;; that services requiring them are satisfied as in Guix.  Every other name of Guix's module
;;; (the desktop environments, udisks, geoclue...) comes from the generated data
;;; (stdlib/generated): this module's completion exports them.

(define-module (gnu services desktop)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:use-module (gnu services base)
  #:use-module (gnu services dbus)
  #:use-module (gnu services networking)
  #:use-module (gnu services avahi)
  #:use-module (gnu services xorg)
  #:use-module ((gnu services sound) #:select (pulseaudio-service-type alsa-service-type))
  #:use-module ((generated gnu services desktop)
                #:select (elogind-configuration upower-configuration bluetooth-configuration
                          seatd-configuration x11-socket-directory-service-type udisks-service-type
                          accountsservice-service-type cups-pk-helper-service-type colord-service-type
                          geoclue-service-type))
  #:export (%desktop-services
            elogind-service-type
            upower-service-type
            bluetooth-service-type
            seatd-service-type))

(define elogind-service-type
  (daemon-service-type 'elogind '(elogind) '(dbus-system) (elogind-configuration)
                       "Run elogind, the login and seat management daemon."
                       #:extends (list dbus-root-service-type)))

(define upower-service-type
  (daemon-service-type 'upower '(upower-daemon) '(dbus-system udev) (upower-configuration)
                       "Run UPower, the power management daemon."
                       #:extends (list dbus-root-service-type)))

(define bluetooth-service-type
  (daemon-service-type 'bluetooth '(bluetooth) '(dbus-system udev) (bluetooth-configuration)
                       "Run the BlueZ Bluetooth daemon."
                       #:extends (list dbus-root-service-type)))

(define seatd-service-type
  (daemon-service-type 'seatd '(seatd) '() (seatd-configuration)
                       "Run seatd, the seat management daemon."))

(define %desktop-services
  (append (list (service gdm-service-type)
                (service screen-locker-service-type
                         (screen-locker-configuration (name "slock") (program "slock")))
                (service x11-socket-directory-service-type)
                (service network-manager-service-type)
                (service wpa-supplicant-service-type)
                (service modem-manager-service-type)
                (service usb-modeswitch-service-type)
                (service avahi-service-type)
                (service udisks-service-type)
                (service upower-service-type)
                (service accountsservice-service-type)
                (service cups-pk-helper-service-type)
                (service colord-service-type)
                (service geoclue-service-type)
                (service polkit-service-type)
                (service elogind-service-type)
                (service dbus-root-service-type)
                (service ntp-service-type)
                (service pulseaudio-service-type)
                (service alsa-service-type))
          %base-services))
