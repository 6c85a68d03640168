;;; (gnu services networking): network set-up services.
;;;
;;; Each provides the Shepherd services upstream does ('networking' for the ones that bring the
;;; network up), so that "requires 'networking', which is not provided" is found as in Guix.

(define-module (gnu services networking)
  #:use-module (gnu services)
  #:use-module (gnu services shepherd)
  #:use-module (gnu services catalogue)
  #:use-module (gnu services base)
  #:re-export (static-networking-service-type
               static-networking
               static-networking?
               network-address
               network-address?
               network-route
               network-route?
               network-link
               network-link?
               %loopback-static-networking
               %qemu-static-networking)
  #:export (dhcp-client-service-type
            dhcp-client-configuration
            dhcpd-service-type
            dhcpd-configuration
            network-manager-service-type
            network-manager-configuration
            connman-service-type
            connman-configuration
            wpa-supplicant-service-type
            wpa-supplicant-configuration
            modem-manager-service-type
            modem-manager-configuration
            usb-modeswitch-service-type
            ntp-service-type
            ntp-configuration
            ntp-server
            openntpd-service-type
            openntpd-configuration
            inetd-service-type
            inetd-configuration
            tor-service-type
            tor-configuration
            iptables-service-type
            iptables-configuration
            nftables-service-type
            nftables-configuration
            opendht-service-type
            yggdrasil-service-type
            ipfs-service-type
            keepalived-service-type
            %ntp-servers))

(define-opaque-configuration dhcp-client-configuration)
(define-opaque-configuration dhcpd-configuration)
(define-opaque-configuration network-manager-configuration)
(define-opaque-configuration connman-configuration)
(define-opaque-configuration wpa-supplicant-configuration)
(define-opaque-configuration modem-manager-configuration)
(define-opaque-configuration ntp-configuration)
(define-opaque-configuration ntp-server)
(define-opaque-configuration openntpd-configuration)
(define-opaque-configuration inetd-configuration)
(define-opaque-configuration tor-configuration)
(define-opaque-configuration iptables-configuration)
(define-opaque-configuration nftables-configuration)

(define %ntp-servers
  '("0.guix.pool.ntp.org" "1.guix.pool.ntp.org" "2.guix.pool.ntp.org" "3.guix.pool.ntp.org"))

(define dhcp-client-service-type
  (daemon-service-type 'dhcp-client '(networking) '(user-processes udev) (dhcp-client-configuration)
               "Run a DHCP client that sets up the network interfaces."))

(define network-manager-service-type
  (daemon-service-type 'network-manager '(NetworkManager networking) '(user-processes dbus-system loopback)
               (network-manager-configuration)
               "Run NetworkManager, a network management daemon."))

(define connman-service-type
  (daemon-service-type 'connman '(connman networking) '(user-processes dbus-system loopback)
               (connman-configuration)
               "Run ConnMan, a network connection manager."))

(define wpa-supplicant-service-type
  (daemon-service-type 'wpa-supplicant '(wpa-supplicant) '(user-processes loopback syslogd)
               (wpa-supplicant-configuration)
               "Run the WPA supplicant daemon."))

(define ntp-service-type
  (daemon-service-type 'ntp '(ntpd) '(user-processes networking) (ntp-configuration)
               "Run the Network Time Protocol (NTP) daemon, ntpd."))

(define openntpd-service-type
  (daemon-service-type 'openntpd '(ntpd) '(user-processes networking) (openntpd-configuration)
               "Run OpenNTPD, the OpenBSD NTP daemon."))

(define tor-service-type
  (daemon-service-type 'tor '(tor) '(user-processes loopback syslogd) (tor-configuration)
               "Run the Tor anonymous network overlay."))

(define-opaque-service-types
  (dhcpd-service-type 'dhcpd (dhcpd-configuration))
  (modem-manager-service-type 'modem-manager (modem-manager-configuration))
  (usb-modeswitch-service-type 'usb-modeswitch #t)
  (inetd-service-type 'inetd (inetd-configuration))
  (iptables-service-type 'iptables (iptables-configuration))
  (nftables-service-type 'nftables (nftables-configuration))
  (opendht-service-type 'opendht #t)
  (yggdrasil-service-type 'yggdrasil #t)
  (ipfs-service-type 'ipfs #t)
  (keepalived-service-type 'keepalived #t))
