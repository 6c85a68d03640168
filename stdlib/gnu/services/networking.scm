;;; (gnu services networking): network set-up services.
;;;
;;; The services other services depend on run the Shepherd services upstream's do ('networking'
;;; for the ones that bring the network up), so that "requires 'networking', which is not
;;; provided" is found as in Guix.  Their configurations, and every other name of Guix's module
;;; (dhcp-client-service-type, deprecated in Guix 1.5.0, included), come from the generated data
;;; (stdlib/generated): this module's completion exports them.

(define-module (gnu services networking)
  #:use-module (gnu services)
  #:use-module (gnu services shepherd)
  #:use-module (gnu services catalogue)
  #:use-module (gnu services base)
  #:use-module (gnu services dbus)
  #:use-module ((generated gnu services networking)
                #:select (dhcpcd-configuration network-manager-configuration connman-configuration
                          wpa-supplicant-configuration ntp-configuration openntpd-configuration
                          tor-configuration))
  #:re-export (static-networking-service-type)
  #:export (dhcpcd-service-type
            network-manager-service-type
            connman-service-type
            wpa-supplicant-service-type
            ntp-service-type
            openntpd-service-type
            tor-service-type))

(define dhcpcd-service-type
  (daemon-service-type 'dhcpcd '(networking) '(user-processes udev) (dhcpcd-configuration)
                       "Run dhcpcd, a DHCP client that sets up the network interfaces."))

(define network-manager-service-type
  (daemon-service-type 'network-manager '(NetworkManager networking) '(user-processes dbus-system loopback)
                       (network-manager-configuration)
                       "Run NetworkManager, a network management daemon."
                       #:extends (list dbus-root-service-type)))

(define connman-service-type
  (daemon-service-type 'connman '(connman networking) '(user-processes dbus-system loopback)
                       (connman-configuration)
                       "Run ConnMan, a network connection manager."
                       #:extends (list dbus-root-service-type)))

(define wpa-supplicant-service-type
  (daemon-service-type 'wpa-supplicant '(wpa-supplicant) '(user-processes loopback syslogd)
                       (wpa-supplicant-configuration)
                       "Run the WPA supplicant daemon."
                       #:extends (list dbus-root-service-type)))

(define ntp-service-type
  (daemon-service-type 'ntp '(ntpd) '(user-processes networking) (ntp-configuration)
                       "Run the Network Time Protocol (NTP) daemon, ntpd."))

(define openntpd-service-type
  (daemon-service-type 'openntpd '(ntpd) '(user-processes networking) (openntpd-configuration)
                       "Run OpenNTPD, the OpenBSD NTP daemon."))

(define tor-service-type
  (daemon-service-type 'tor '(tor) '(user-processes loopback syslogd) (tor-configuration)
                       "Run the Tor anonymous network overlay."))
