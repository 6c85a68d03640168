;;; (gnu image): the description of a system image (what `guix system image` builds).
;;;
;;; Field names and defaults follow upstream Guix's <image> record, limited to what vbmc's
;;; image stage reads; the (type ...) annotations are vbmc's.  The size is in bytes; 'guess
;;; lets the image builder choose from the content, as upstream.
;;;
;;; vbmc adds one field, 'base': where the guest's root file system comes from, since vbmc
;;; builds the guest on a Debian root rather than from the operating-system record.
;;;
;;;   (debian-base (suite "sid") (mirror #f) (packages '("guix" "nix-bin" "nix-setup-systemd" "busybox-static"))
;;;                (check-valid-until? #f))
;;;      a Debian root made with mmdebstrap (variant minbase) from SUITE at MIRROR (#f: the
;;;      mirror the building host's apt uses), with vbmc's own packages (kernel, systemd, udev,
;;;      openssh-server, iproute2, procps) plus PACKAGES; cached, keyed by the hash of these.
;;;      The guest serves guix-daemon when PACKAGES has "guix", nix-daemon when it has "nix-bin".
;;;   (root-base (path "/srv/vm-root.tar") (daemons '(guix-daemon)))
;;;      a root file system the user made: a folder or a tar archive (compressed or not).  It
;;;      must hold a kernel and initrd in /boot, systemd and OpenSSH's sshd; DAEMONS says which
;;;      build daemons it runs (vbmc cannot see inside it when it checks the configuration).

(define-module (gnu image)
  #:export (<image>
            image
            make-image
            image?
            image-name
            image-format
            image-platform
            image-size
            image-operating-system
            image-partition-table-type
            image-partitions
            image-compression?
            image-volatile-root?
            image-shared-store?
            image-shared-network?
            image-substitutable?
            image-base

            <debian-base>
            debian-base
            make-debian-base
            debian-base?
            debian-base-suite
            debian-base-mirror
            debian-base-packages
            debian-base-check-valid-until?
            %debian-base-default-packages

            <root-base>
            root-base
            make-root-base
            root-base?
            root-base-path
            root-base-daemons))

;; The build daemons the guest runs by default: guix-daemon (Debian's guix package, 1.5.0,
;; which only Debian sid has: neither Debian 12 nor 13 packages Guix, and sid's guix needs
;; sid's libstdc++ and libgcrypt, so trixie cannot take it alone) and nix-daemon (nix-bin, and
;; nix-setup-systemd for its socket-activated units), so that the guest serves both machine
;; files vbmc writes; busybox-static is the /bin/sh of nix-daemon's build sandbox.
(define %debian-base-default-packages
  '("guix" "nix-bin" "nix-setup-systemd" "busybox-static"))

(define-record-type* <debian-base>
  debian-base make-debian-base
  debian-base?
  (suite              debian-base-suite
                      (default "sid")
                      (type non-empty-string))
  ;; #f: the first Debian mirror in the building host's /etc/apt/sources.list(.d).
  (mirror             debian-base-mirror
                      (default #f)
                      (type (maybe non-empty-string)))
  ;; Packages on top of vbmc's own (kernel, systemd, udev, openssh-server, iproute2, procps).
  (packages           debian-base-packages
                      (default %debian-base-default-packages)
                      (type (list-of non-empty-string)))
  ;; Whether apt refuses a Release file past its Valid-Until date.  Off by default: a build
  ;; VM reproduces the past, and mirror snapshots (snapshot.debian.org, or a frozen mirror such
  ;; as sid's here) carry expired Release files; signatures are checked either way.
  (check-valid-until? debian-base-check-valid-until?
                      (default #f)
                      (type boolean)))

(define-record-type* <root-base>
  root-base make-root-base
  root-base?
  ;; A folder or a tar archive; relative to the configuration file's folder.
  (path               root-base-path
                      (type non-empty-string))
  ;; The build daemons the root runs, which decide the machine files the VM is listed in:
  ;; guix-daemon (machines.scm) and nix-daemon (nix/machines).
  (daemons            root-base-daemons
                      (default '(guix-daemon))
                      (type (list-of (one-of 'guix-daemon 'nix-daemon)))))

(define-record-type* <image>
  image make-image
  image?
  this-image
  (name               image-name
                      (default #f)
                      (type (maybe symbol)))
  ;; Upstream's formats: disk-image, compressed-qcow2, docker, iso9660, tarball, wsl2;
  ;; vbmc adds qcow2 (uncompressed) and raw (the same as disk-image).
  (format             image-format
                      (type (one-of 'disk-image 'compressed-qcow2 'qcow2 'raw
                                    'docker 'iso9660 'tarball 'wsl2)))
  (platform           image-platform
                      (default #f)
                      (type any))
  (size               image-size
                      (default 'guess)
                      (type (or positive (one-of 'guess))))
  (operating-system   image-operating-system
                      (type any))
  (partition-table-type image-partition-table-type
                      (default 'mbr)
                      (type (one-of 'mbr 'gpt)))
  (partitions         image-partitions
                      (default '())
                      (type list))
  (compression?       image-compression?
                      (default #t)
                      (type boolean))
  (volatile-root?     image-volatile-root?
                      (default #t)
                      (type boolean))
  (shared-store?      image-shared-store?
                      (default #f)
                      (type boolean))
  (shared-network?    image-shared-network?
                      (default #f)
                      (type boolean))
  (substitutable?     image-substitutable?
                      (default #t)
                      (type boolean))
  ;; vbmc: where the root file system comes from (see the top of this file).
  (base               image-base
                      (default (debian-base))
                      (type (or <debian-base> <root-base>))))
