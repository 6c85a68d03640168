;;; (gnu system): the operating-system record, with Guix's fields and defaults.
;;;
;;; An operating system's services are its essential services (thunked: computed from the
;;; record, as upstream, so that an inheriting record gets its own accounts, host name and
;;; packages) followed by the user's services; vbmc's services engine folds them.

(define-module (gnu system)
  #:use-module (gnu services)
  #:use-module (gnu services base)
  #:use-module (gnu system accounts)
  #:use-module (gnu system shadow)
  #:use-module (gnu system file-systems)
  #:use-module (gnu bootloader)
  #:re-export (<swap-space> swap-space swap-space? swap-space-target swap-space-dependencies
               swap-space-priority swap-space-discard?)
  #:export (<operating-system>
            operating-system
            operating-system?
            this-operating-system
            operating-system-kernel
            operating-system-kernel-loadable-modules
            operating-system-user-kernel-arguments
            operating-system-kernel-arguments
            operating-system-hurd
            operating-system-bootloader
            operating-system-label
            operating-system-keyboard-layout
            operating-system-initrd
            operating-system-initrd-modules
            operating-system-firmware
            operating-system-host-name
            operating-system-hosts-file
            operating-system-mapped-devices
            operating-system-file-systems
            operating-system-swap-devices
            operating-system-users
            operating-system-groups
            operating-system-skeletons
            operating-system-issue
            operating-system-packages
            operating-system-timezone
            operating-system-locale
            operating-system-locale-definitions
            operating-system-locale-libcs
            operating-system-name-service-switch
            operating-system-essential-services
            operating-system-user-services
            operating-system-services
            operating-system-pam-services
            operating-system-privileged-programs
            operating-system-setuid-programs
            operating-system-sudoers-file
            operating-system-location
            operating-system-accounts
            hurd-default-essential-services
            operating-system-default-essential-services

            %base-packages
            %base-packages-interactive
            %base-packages-linux
            %base-packages-networking
            %base-packages-utils
            %base-packages-disk-utilities
            %base-firmware
            %base-initrd-modules
            %default-kernel-arguments
            %default-locale-definitions
            %sudoers-specification
            %setuid-programs
            %default-privileged-programs
            local-host-aliases
            %default-issue

            <mapped-device>
            mapped-device
            mapped-device?
            mapped-device-source
            mapped-device-targets
            mapped-device-target
            mapped-device-type
            mapped-device-arguments
            luks-device-mapping
            raid-device-mapping
            lvm-device-mapping
            <keyboard-layout>
            keyboard-layout
            keyboard-layout?
            <locale-definition>
            locale-definition
            locale-definition?
            locale-definition-name
            locale-definition-source
            locale-definition-charset
            <name-service-switch>
            name-service-switch
            name-service-switch?
            name-service
            %mdns-host-lookup-nss
            file-system-mapping
            linux-libre
            linux-libre-lts
            hurd
            base-initrd
            raw-initrd))

(define (pkg name) (specification->package name))

(define linux-libre (pkg "linux-libre"))
(define linux-libre-lts (pkg "linux-libre-lts"))
(define hurd (pkg "hurd"))

;; The packages of upstream's %base-packages, by name (opaque packages).
(define %base-packages-utils
  (map pkg '("procps" "psmisc" "which" "less" "zile" "nano" "pciutils" "usbutils" "util-linux"
             "inetutils" "isc-dhcp" "shadow" "sudo" "coreutils" "findutils" "grep" "sed" "diffutils"
             "patch" "gawk" "tar" "gzip" "bzip2" "xz" "lzip" "bash" "guile" "guile-readline"
             "guile-colorized" "mg" "kbd" "e2fsprogs" "info-reader" "man-db" "nvi")))
(define %base-packages-interactive (map pkg '("less" "mg" "nano" "nvi" "man-db" "info-reader")))
(define %base-packages-linux (map pkg '("psmisc" "iw" "wireless-tools" "kbd")))
(define %base-packages-networking (map pkg '("inetutils" "iproute2" "isc-dhcp" "nss-certs")))
(define %base-packages-disk-utilities (map pkg '("dosfstools" "btrfs-progs" "e2fsprogs" "xfsprogs")))
(define %base-packages
  (delete-duplicates
   (append %base-packages-utils %base-packages-linux %base-packages-networking)))

(define %base-firmware (map pkg '("ath9k-htc-firmware" "openfwwf-firmware")))
(define %base-initrd-modules
  '("ahci" "usb-storage" "uas" "usbhid" "hid-generic" "hid-apple" "dm-crypt" "xts" "serpent_generic"
    "wp512" "nls_iso8859-1" "virtio_pci" "virtio_balloon" "virtio_blk" "virtio_net" "virtio-rng"))
(define %default-kernel-arguments '("quiet"))
(define %default-issue "\nThis is the GNU system.  Welcome.\n")
(define %sudoers-specification
  (plain-file "sudoers" "Defaults env_keep += \"http_proxy https_proxy ftp_proxy\"\nroot ALL=(ALL) ALL\n%wheel ALL=(ALL) ALL\n"))
(define %setuid-programs '())
(define %default-privileged-programs '())

(define (local-host-aliases host-name)
  (string-append "127.0.0.1 localhost " host-name "\n"
                 "::1       localhost " host-name "\n"))

;; The initrd is a procedure of the file systems in upstream; vbmc keeps it opaque.
(define* (base-initrd file-systems #:key (linux #f) (mapped-devices '()) (keyboard-layout #f)
                      (qemu-networking? #f) (volatile-root? #f) (extra-modules '()) #:allow-other-keys)
  (computed-file "initrd" ''base-initrd))
(define* (raw-initrd file-systems #:key #:allow-other-keys)
  (computed-file "initrd" ''raw-initrd))

(define-record-type* <mapped-device>
  %mapped-device make-mapped-device
  mapped-device?
  ;; A device name, a list of them (RAID), or a UUID.
  (source    mapped-device-source)
  (targets   mapped-device-targets (type (non-empty-list-of non-empty-string)))
  (type      mapped-device-type)
  ;; Passed to the mapping's open, close and check procedures.
  (arguments mapped-device-arguments (default '()) (type list)))

;; (mapped-device ... (target "x") ...) is the older spelling of (targets (list "x")), which
;; Guix still accepts: the constructor turns one into the other, wherever it is written.
(define-syntax mapped-device
  (syntax-rules ()
    ((_ field ...)
     (%mapped-device-with-targets (field ...) ()))))

(define-syntax %mapped-device-with-targets
  (syntax-rules (target)
    ((_ () (done ...))
     (%mapped-device done ...))
    ((_ ((target value) rest ...) (done ...))
     (%mapped-device-with-targets (rest ...) (done ... (targets (list value)))))
    ((_ (other rest ...) (done ...))
     (%mapped-device-with-targets (rest ...) (done ... other)))))

;; Deprecated in Guix for mapped-device-targets.
(define (mapped-device-target device)
  (car (mapped-device-targets device)))

(define luks-device-mapping 'luks-device-mapping)
(define raid-device-mapping 'raid-device-mapping)
(define lvm-device-mapping 'lvm-device-mapping)

(define-record-type* <keyboard-layout>
  %keyboard-layout make-keyboard-layout
  keyboard-layout?
  (name    keyboard-layout-name (type string))
  (variant keyboard-layout-variant (default #f) (type (maybe string)))
  (model   keyboard-layout-model (default #f) (type (maybe string)))
  (options keyboard-layout-options (default '()) (type (list-of string))))

(define* (keyboard-layout name #:optional variant #:key model (options '()))
  (make-keyboard-layout name variant model options))

(define-record-type* <locale-definition>
  locale-definition make-locale-definition
  locale-definition?
  (name    locale-definition-name (type non-empty-string))
  (source  locale-definition-source (type non-empty-string))
  (charset locale-definition-charset (default "UTF-8") (type string)))

(define %default-locale-definitions
  (map (lambda (name source)
         (locale-definition (name (string-append name ".utf8")) (source source)))
       '("en_US" "en_GB" "de_DE" "fr_FR" "es_ES" "nl_NL" "pt_PT" "it_IT")
       '("en_US" "en_GB" "de_DE" "fr_FR" "es_ES" "nl_NL" "pt_PT" "it_IT")))

(define-record-type* <name-service>
  name-service make-name-service
  name-service?
  (name     name-service-name (type string))
  (reaction name-service-reaction (default #f)))

(define-record-type* <name-service-switch>
  name-service-switch make-name-service-switch
  name-service-switch?
  (aliases   name-service-switch-aliases (default '()))
  (ethers    name-service-switch-ethers (default '()))
  (group     name-service-switch-group (default '()))
  (gshadow   name-service-switch-gshadow (default '()))
  (hosts     name-service-switch-hosts (default '()))
  (initgroups name-service-switch-initgroups (default '()))
  (netgroup  name-service-switch-netgroup (default '()))
  (networks  name-service-switch-networks (default '()))
  (password  name-service-switch-password (default '()))
  (public-key name-service-switch-public-key (default '()))
  (rpc       name-service-switch-rpc (default '()))
  (services  name-service-switch-services (default '()))
  (shadow    name-service-switch-shadow (default '())))

(define %mdns-host-lookup-nss
  (name-service-switch
   (hosts (list (name-service (name "files"))
                (name-service (name "mdns_minimal") (reaction '(unavail-continue)))
                (name-service (name "dns"))
                (name-service (name "mdns"))))))

(define (file-system-mapping . args) (cons 'file-system-mapping args))

;; Types shared by several fields.
(define (service-list? x) (and (list? x) (every service? x)))
(define (package-entry? x)
  ;; A package, or (PACKAGE OUTPUT) as in (list git "send-email").
  (or (file-like? x)
      (and (pair? x) (file-like? (car x)) (list? (cdr x)) (every string? (cdr x)))))
(define (account-or-root? x) (user-account? x))

(define-record-type* <operating-system>
  operating-system make-operating-system
  operating-system?
  this-operating-system
  (kernel                  operating-system-kernel
                           (default linux-libre)
                           (type file-like))
  (kernel-loadable-modules operating-system-kernel-loadable-modules
                           (default '())
                           (type (list-of file-like)))
  (kernel-arguments        operating-system-user-kernel-arguments
                           (default %default-kernel-arguments)
                           (type (list-of (or string gexp file-like))))
  (hurd                    operating-system-hurd
                           (default #f)
                           (type (maybe file-like)))
  (bootloader              operating-system-bootloader
                           (type <bootloader-configuration>))
  (label                   operating-system-label
                           (thunked)
                           (default (string-append "GNU with "
                                                   (let ((k (operating-system-kernel this-operating-system)))
                                                     (if (package? k) (package-name k) "a kernel"))))
                           (type string))
  (keyboard-layout         operating-system-keyboard-layout
                           (default #f)
                           (type (maybe <keyboard-layout>)))
  (initrd                  operating-system-initrd
                           (default base-initrd)
                           ;; #f: no initrd (the Hurd's systems).
                           (type (maybe procedure)))
  (initrd-modules          operating-system-initrd-modules
                           (thunked)
                           (default %base-initrd-modules)
                           (type (list-of string)))
  (firmware                operating-system-firmware
                           (default %base-firmware)
                           (type (list-of file-like)))
  (host-name               operating-system-host-name
                           (type non-empty-string))
  (hosts-file              operating-system-hosts-file
                           (default #f)
                           (type (maybe file-like)))
  (mapped-devices          operating-system-mapped-devices
                           (default '())
                           (type (list-of <mapped-device>)))
  (file-systems            operating-system-file-systems
                           (type (list-of <file-system>)))
  (swap-devices            operating-system-swap-devices
                           (default '())
                           (type (list-of (or <swap-space> string))))
  (users                   operating-system-users
                           (default %base-user-accounts)
                           (type (list-of <user-account>)))
  (groups                  operating-system-groups
                           (default %base-groups)
                           (type (list-of <user-group>)))
  (skeletons               operating-system-skeletons
                           (default (default-skeletons))
                           (type list))
  (issue                   operating-system-issue
                           (default %default-issue)
                           (type string))
  (packages                operating-system-packages
                           (default %base-packages)
                           (type (list-of (predicate package-entry? "a package or a (package output) list"))))
  (timezone                operating-system-timezone
                           (default "Etc/UTC")
                           (type non-empty-string))
  (locale                  operating-system-locale
                           (default "en_US.utf8")
                           (type non-empty-string))
  (locale-definitions      operating-system-locale-definitions
                           (default %default-locale-definitions)
                           (type (list-of <locale-definition>)))
  (locale-libcs            operating-system-locale-libcs
                           (default '())
                           (type (list-of file-like)))
  (name-service-switch     operating-system-name-service-switch
                           (default %default-nss)
                           ;; #f: none (the Hurd's systems).
                           (type (or symbol <name-service-switch> (predicate not "#f"))))
  (essential-services      operating-system-essential-services
                           (thunked)
                           (default (operating-system-default-essential-services this-operating-system))
                           (type (predicate service-list? "a list of services")))
  (services                operating-system-user-services
                           (default %base-services)
                           (type (predicate service-list? "a list of services")))
  (pam-services            operating-system-pam-services
                           (default '())
                           (type list))
  (privileged-programs     operating-system-privileged-programs
                           (default %default-privileged-programs)
                           (type list))
  (setuid-programs         operating-system-setuid-programs
                           (default %setuid-programs)
                           (type list)
                           (deprecated "the 'setuid-programs' field is deprecated, please use 'privileged-programs' instead"))
  (sudoers-file            operating-system-sudoers-file
                           (default %sudoers-specification)
                           (type (maybe file-like)))
  (location                operating-system-location
                           (default #f)
                           (innate)))

(define (operating-system-kernel-arguments os root-device)
  (append (list (string-append "root=" root-device))
          (operating-system-user-kernel-arguments os)))

;; The users, with root added when no account has uid 0 (as upstream).
(define (operating-system-accounts os)
  (let ((users (operating-system-users os)))
    (if (any (lambda (user) (eqv? (user-account-uid user) 0)) users)
        users
        (cons %root-account users))))

(define (operating-system-default-essential-services os)
  (append
   (list (service system-service-type '())
         (service user-processes-service-type '())
         (account-service (append (operating-system-accounts os)
                                  (operating-system-groups os))
                          (operating-system-skeletons os))
         (service host-name-service-type (operating-system-host-name os))
         (service hosts-service-type '())
         (service profile-service-type (operating-system-packages os)))
   ;; A swap service per swap space, as Guix 1.5.0's (their dependencies are not modelled).
   (map swap-service (operating-system-swap-devices os))))

;; The Hurd's: as Linux's, without a host-name service (Guix 1.5.0's list has none).
(define (hurd-default-essential-services os)
  (append
   (list (service system-service-type '())
         (service user-processes-service-type '())
         (account-service (append (operating-system-accounts os)
                                  (operating-system-groups os))
                          (operating-system-skeletons os))
         (service hosts-service-type '())
         (service profile-service-type (operating-system-packages os)))
   (map swap-service (operating-system-swap-devices os))))

;; Every service of the system, essential ones last, as upstream.
(define (operating-system-services os)
  (append (operating-system-user-services os)
          (operating-system-essential-services os)))
