;;; (gnu packages admin): system administration tools, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages admin)
  #:re-export (shadow)
  #:export (sudo
            htop
            inetutils
            isc-dhcp
            net-tools
            tcpdump
            nmap
            neofetch
            btop
            iftop
            lsof
            smartmontools
            wpa-supplicant
            ansible
            fdisk
            parted
            dmidecode
            procs
            iotop))

(define sudo (specification->package "sudo"))
(define htop (specification->package "htop"))
(define inetutils (specification->package "inetutils"))
(define isc-dhcp (specification->package "isc-dhcp"))
(define net-tools (specification->package "net-tools"))
(define tcpdump (specification->package "tcpdump"))
(define nmap (specification->package "nmap"))
(define neofetch (specification->package "neofetch"))
(define btop (specification->package "btop"))
(define iftop (specification->package "iftop"))
(define lsof (specification->package "lsof"))
(define smartmontools (specification->package "smartmontools"))
(define wpa-supplicant (specification->package "wpa-supplicant"))
(define ansible (specification->package "ansible"))
(define fdisk (specification->package "fdisk"))
(define parted (specification->package "parted"))
(define dmidecode (specification->package "dmidecode"))
(define procs (specification->package "procs"))
(define iotop (specification->package "iotop"))
