;; expect: error 13:54 extraneous field initializers (interface) interfaces
;; expect: error 14:46 missing field initializers (virtual-terminal)
;; expect: error 15:20 Wrong number of arguments to #<procedure udev-rules-service>
;; expect: error 16:16 no value specified for service of type 'screen-locker'
;; expect: error 17:26 Unbound variable: gnome-desktop-service-type (gnu services desktop) use-service-modules
;; Mistakes in names vbmc knows from Guix's data: a misspelt field of a configuration Guix
;; defines, a field without default left out, a procedure called with too few arguments, a
;; service type without default value used without one, and a name from a module not imported.
(use-modules (gnu) (gnu services xorg))
(use-service-modules networking)

(define dhcp
  (service dhcpcd-service-type (dhcpcd-configuration (interface '("eth0")))))
(define console (service kmscon-service-type (kmscon-configuration)))
(define fuse-rules (udev-rules-service 'fuse))
(define locker (service screen-locker-service-type))
(define desktop (service gnome-desktop-service-type))

(list dhcp console)
