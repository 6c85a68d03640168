;;; (gnu services desktop): desktop environments and %desktop-services, known by name.
;;;
;;; %desktop-services is, as upstream, the desktop's own services followed by %base-services,
;;; so that (modify-services %desktop-services (guix-service-type ...)) works.  The desktop
;;; services that run daemons provide upstream's Shepherd names (dbus-system, networking,
;;; elogind...), so that services requiring them are satisfied as in Guix.

(define-module (gnu services desktop)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:use-module (gnu services base)
  #:use-module (gnu services dbus)
  #:use-module (gnu services networking)
  #:use-module (gnu services avahi)
  #:use-module (gnu services xorg)
  #:re-export (dbus-root-service-type polkit-service-type)
  #:export (%desktop-services
            gnome-desktop-service-type
            gnome-desktop-configuration
            xfce-desktop-service-type
            xfce-desktop-configuration
            mate-desktop-service-type
            mate-desktop-configuration
            lxqt-desktop-service-type
            lxqt-desktop-configuration
            plasma-desktop-service-type
            plasma-desktop-configuration
            enlightenment-desktop-service-type
            enlightenment-desktop-configuration
            elogind-service-type
            elogind-configuration
            accountsservice-service-type
            upower-service-type
            upower-configuration
            udisks-service-type
            udisks-configuration
            colord-service-type
            geoclue-service-type
            geoclue-configuration
            bluetooth-service-type
            bluetooth-configuration
            sane-service-type
            cups-pk-helper-service-type
            x11-socket-directory-service-type
            pulseaudio-service-type
            alsa-service-type
            gnome-keyring-service-type
            seatd-service-type
            seatd-configuration
            fontconfig-file-system-service
            desktop-services-for-system))

(define-opaque-configuration gnome-desktop-configuration)
(define-opaque-configuration xfce-desktop-configuration)
(define-opaque-configuration mate-desktop-configuration)
(define-opaque-configuration lxqt-desktop-configuration)
(define-opaque-configuration plasma-desktop-configuration)
(define-opaque-configuration enlightenment-desktop-configuration)
(define-opaque-configuration elogind-configuration)
(define-opaque-configuration upower-configuration)
(define-opaque-configuration udisks-configuration)
(define-opaque-configuration geoclue-configuration)
(define-opaque-configuration bluetooth-configuration)
(define-opaque-configuration seatd-configuration)

(define-opaque-service-types
  (gnome-desktop-service-type 'gnome-desktop (gnome-desktop-configuration))
  (xfce-desktop-service-type 'xfce-desktop (xfce-desktop-configuration))
  (mate-desktop-service-type 'mate-desktop (mate-desktop-configuration))
  (lxqt-desktop-service-type 'lxqt-desktop (lxqt-desktop-configuration))
  (plasma-desktop-service-type 'plasma-desktop (plasma-desktop-configuration))
  (enlightenment-desktop-service-type 'enlightenment-desktop (enlightenment-desktop-configuration))
  (accountsservice-service-type 'accountsservice #t)
  (udisks-service-type 'udisks (udisks-configuration))
  (colord-service-type 'colord #t)
  (geoclue-service-type 'geoclue (geoclue-configuration))
  (sane-service-type 'sane #t)
  (cups-pk-helper-service-type 'cups-pk-helper #t)
  (x11-socket-directory-service-type 'x11-socket-directory #t)
  (pulseaudio-service-type 'pulseaudio #t)
  (alsa-service-type 'alsa #t)
  (gnome-keyring-service-type 'gnome-keyring #t))

(define elogind-service-type
  (daemon-service-type 'elogind '(elogind) '(dbus-system) (elogind-configuration)
                       "Run elogind, the login and seat management daemon."))

(define upower-service-type
  (daemon-service-type 'upower '(upower-daemon) '(dbus-system udev) (upower-configuration)
                       "Run UPower, the power management daemon."))

(define bluetooth-service-type
  (daemon-service-type 'bluetooth '(bluetooth) '(dbus-system udev) (bluetooth-configuration)
                       "Run the BlueZ Bluetooth daemon."))

(define seatd-service-type
  (daemon-service-type 'seatd '(seatd) '() (seatd-configuration)
                       "Run seatd, the seat management daemon."))

(define (fontconfig-file-system-service) (service x11-socket-directory-service-type))

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

(define* (desktop-services-for-system #:optional system) %desktop-services)
