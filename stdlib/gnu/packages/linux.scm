;;; (gnu packages linux): Linux tools and kernels, from vbmc's catalogue (opaque packages).
;;;
;;; Packages are opaque named values: vbmc only needs their names; specification->package
;;; returns the same kind of value for any name.

(define-module (gnu packages linux)
  #:export (linux-libre
            linux-libre-lts
            util-linux
            procps
            psmisc
            iproute2
            iptables
            nftables
            e2fsprogs
            btrfs-progs
            lvm2
            kbd
            alsa-utils
            pipewire
            strace
            lm-sensors
            ethtool
            iw
            wireless-tools
            dosfstools
            cryptsetup
            eudev
            bluez))

(define linux-libre (specification->package "linux-libre@6.11.5"))
(define linux-libre-lts (specification->package "linux-libre-lts"))
(define util-linux (specification->package "util-linux"))
(define procps (specification->package "procps"))
(define psmisc (specification->package "psmisc"))
(define iproute2 (specification->package "iproute2"))
(define iptables (specification->package "iptables"))
(define nftables (specification->package "nftables"))
(define e2fsprogs (specification->package "e2fsprogs"))
(define btrfs-progs (specification->package "btrfs-progs"))
(define lvm2 (specification->package "lvm2"))
(define kbd (specification->package "kbd"))
(define alsa-utils (specification->package "alsa-utils"))
(define pipewire (specification->package "pipewire"))
(define strace (specification->package "strace"))
(define lm-sensors (specification->package "lm-sensors"))
(define ethtool (specification->package "ethtool"))
(define iw (specification->package "iw"))
(define wireless-tools (specification->package "wireless-tools"))
(define dosfstools (specification->package "dosfstools"))
(define cryptsetup (specification->package "cryptsetup"))
(define eudev (specification->package "eudev"))
(define bluez (specification->package "bluez"))
