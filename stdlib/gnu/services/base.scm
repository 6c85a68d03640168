;;; (gnu services base): the base services of Guix System, guix-daemon's service and the
;;; static networking service.
;;;
;;; Services that matter to build machines are modelled with Guix's fields, defaults and
;;; extensions (guix-service-type: accounts, shepherd service, and the fold of guix-extension
;;; records); the others are real service types with their upstream names, values and the
;;; Shepherd services they provide, so that requirement checks see what Guix would see.

(define-module (gnu services base)
  #:use-module (gnu services)
  #:use-module (gnu services shepherd)
  #:use-module (gnu system accounts)
  #:use-module (gnu system shadow)
  #:use-module (gnu system file-systems)
  #:use-module (guix scripts offload)
  ;; Services and configurations vbmc does not model: Guix's own, from the generated data
  ;; (real field names and defaults; no extensions).  The completion of this module by that
  ;; data exports them under the same cells.
  #:use-module ((generated gnu services base)
                #:select (guix-publish-configuration login-service-type login-configuration
                          virtual-terminal-service-type pam-limits-service-type
                          agetty-configuration nscd-configuration udev-configuration gpm-configuration
                          kmscon-service-type kmscon-configuration greetd-service-type greetd-configuration))
  #:use-module ((gnu services admin) #:select (log-rotation-service-type log-cleanup-service-type
                                               log-cleanup-configuration))
  #:use-module ((gnu services sysctl) #:select (sysctl-service-type))
  #:export (%base-services
            hosts-service-type
            %default-substitute-urls
            %default-authorized-guix-keys
            %default-nss

            guix-service-type
            <guix-configuration>
            guix-configuration
            guix-configuration?
            guix-configuration-guix
            guix-configuration-build-group
            guix-configuration-build-accounts
            guix-configuration-chroot?
            guix-configuration-authorize-key?
            guix-configuration-authorized-keys
            guix-configuration-use-substitutes?
            guix-configuration-substitute-urls
            guix-configuration-generate-substitute-key?
            guix-configuration-channels
            guix-configuration-chroot-directories
            guix-configuration-max-silent-time
            guix-configuration-timeout
            guix-configuration-log-compression
            guix-configuration-discover?
            guix-configuration-extra-options
            guix-configuration-log-file
            guix-configuration-http-proxy
            guix-configuration-tmpdir
            guix-configuration-privileged?
            guix-configuration-build-machines
            guix-configuration-environment
            %default-guix-configuration

            <guix-extension>
            guix-extension
            guix-extension?
            guix-extension-authorized-keys
            guix-extension-substitute-urls
            guix-extension-build-machines
            guix-extension-chroot-directories
            guix-build-accounts

            guix-publish-service-type

            user-processes-service-type
            host-name-service-type
            console-font-service-type
            %default-console-font
            syslog-service-type
            <syslog-configuration>
            syslog-configuration
            syslog-configuration?
            syslog-configuration-syslogd
            syslog-configuration-config-file
            syslog-configuration-extra-options
            %default-syslog.conf
            mingetty-service-type
            <mingetty-configuration>
            mingetty-configuration
            mingetty-configuration?
            agetty-service-type
            urandom-seed-service-type
            nscd-service-type
            udev-service-type
            swap-service
            udev-rule
            file->udev-rule
            gpm-service-type
            host

            static-networking-service-type
            <static-networking>
            static-networking
            static-networking?
            static-networking-addresses
            static-networking-links
            static-networking-routes
            static-networking-provision
            static-networking-requirement
            static-networking-name-servers
            <network-address>
            network-address
            network-address?
            network-address-device
            network-address-value
            network-address-ipv6?
            <network-route>
            network-route
            network-route?
            <network-link>
            network-link
            network-link?
            %loopback-static-networking
            %qemu-static-networking))

;;;
;;; Guix daemon.
;;;

(define %default-substitute-urls
  '("https://bordeaux.guix.gnu.org" "https://ci.guix.gnu.org"))

(define %default-authorized-guix-keys
  (list (file-append guix "/share/guix/berlin.guix.gnu.org.pub")
        (file-append guix "/share/guix/bordeaux.guix.gnu.org.pub")))

;; What the daemon accepts in its lists of keys and chroot directories.
(define (file-like-or-string? x) (or (file-like? x) (string? x) (gexp? x)))

;; A machine for machines.scm: vbmc's build-machine record or, as upstream, a gexp building one.
(define (build-machine-or-gexp? x) (or (build-machine? x) (gexp? x)))

(define-record-type* <guix-configuration>
  guix-configuration make-guix-configuration
  guix-configuration?
  (guix                     guix-configuration-guix
                            (default guix)
                            (type file-like))
  (build-group              guix-configuration-build-group
                            (default "guixbuild")
                            (type non-empty-string))
  (build-accounts           guix-configuration-build-accounts
                            (default 10)
                            (type natural))
  (chroot?                  guix-configuration-chroot?
                            (default 'default)
                            (type (or boolean (one-of 'default))))
  (authorize-key?           guix-configuration-authorize-key?
                            (default #t)
                            (type boolean))
  (authorized-keys          guix-configuration-authorized-keys
                            (default %default-authorized-guix-keys)
                            (type (list-of (predicate file-like-or-string? "a file-like object"))))
  (use-substitutes?         guix-configuration-use-substitutes?
                            (default #t)
                            (type boolean))
  (substitute-urls          guix-configuration-substitute-urls
                            (default %default-substitute-urls)
                            (type (list-of string)))
  (generate-substitute-key? guix-configuration-generate-substitute-key?
                            (default #t)
                            (type boolean))
  (channels                 guix-configuration-channels
                            (default #f))
  (chroot-directories       guix-configuration-chroot-directories
                            (default '())
                            (type (list-of (predicate file-like-or-string? "a file-like object or a file name"))))
  (max-silent-time          guix-configuration-max-silent-time
                            (default 3600)
                            (type natural))
  (timeout                  guix-configuration-timeout
                            (default (* 3600 24))
                            (type natural))
  (log-compression          guix-configuration-log-compression
                            (default 'gzip)
                            (type (one-of 'gzip 'bzip2 'none)))
  (discover?                guix-configuration-discover?
                            (default #f)
                            (type boolean))
  (extra-options            guix-configuration-extra-options
                            (default '())
                            (type (list-of string)))
  (log-file                 guix-configuration-log-file
                            (default "/var/log/guix-daemon.log")
                            (type non-empty-string))
  (http-proxy               guix-configuration-http-proxy
                            (default #f)
                            (type (maybe string)))
  (tmpdir                   guix-configuration-tmpdir
                            (default #f)
                            (type (maybe string)))
  (privileged?              guix-configuration-privileged?
                            (default #t)
                            (type boolean))
  (build-machines           guix-configuration-build-machines
                            (default '())
                            (type (list-of (predicate build-machine-or-gexp? "a build-machine record or a G-expression"))))
  (environment              guix-configuration-environment
                            (default '())
                            (type (list-of string)))
  (socket-directory-permissions guix-configuration-socket-directory-permissions
                            (default #o755)
                            (type natural))
  (socket-directory-group   guix-configuration-socket-directory-group
                            (default #f)
                            (type (maybe (or string natural))))
  (socket-directory-user    guix-configuration-socket-directory-user
                            (default #f)
                            (type (maybe (or string natural)))))

(define %default-guix-configuration (guix-configuration))

(define-record-type* <guix-extension>
  guix-extension make-guix-extension
  guix-extension?
  (authorized-keys    guix-extension-authorized-keys
                      (default '())
                      (type (list-of (predicate file-like-or-string? "a file-like object"))))
  (substitute-urls    guix-extension-substitute-urls
                      (default '())
                      (type (list-of string)))
  (build-machines     guix-extension-build-machines
                      (default '())
                      (type (list-of (predicate build-machine-or-gexp? "a build-machine record or a G-expression"))))
  (chroot-directories guix-extension-chroot-directories
                      (default '())
                      (type (list-of (predicate file-like-or-string? "a file-like object or a file name")))))

;; An extension of guix-service-type is a guix-extension record or, as vbmc's agreed
;; shorthand, a build-machine record or a list of them.
(define (as-guix-extension x)
  (cond ((guix-extension? x) x)
        ((build-machine-or-gexp? x) (guix-extension (build-machines (list x))))
        ((and (list? x) (every build-machine-or-gexp? x)) (guix-extension (build-machines x)))
        (else (error "guix-service-type: invalid extension (expected a guix-extension or build machines):" x))))

(define (guix-extension-merge a b)
  (guix-extension
   (authorized-keys (append (guix-extension-authorized-keys a) (guix-extension-authorized-keys b)))
   (substitute-urls (append (guix-extension-substitute-urls a) (guix-extension-substitute-urls b)))
   (build-machines (append (guix-extension-build-machines a) (guix-extension-build-machines b)))
   (chroot-directories (append (guix-extension-chroot-directories a) (guix-extension-chroot-directories b)))))

;; Upstream folds the extensions with guix-extension-merge, which puts each new extension's
;; items first; vbmc keeps the order the extensions come in, which is what users read.
(define (compose-guix-extensions extensions)
  (fold (lambda (x acc) (guix-extension-merge acc (as-guix-extension x)))
        (guix-extension)
        extensions))

(define (extend-guix-configuration config extension)
  (guix-configuration
   (inherit config)
   (authorized-keys (append (guix-extension-authorized-keys extension)
                            (guix-configuration-authorized-keys config)))
   (substitute-urls (append (guix-extension-substitute-urls extension)
                            (guix-configuration-substitute-urls config)))
   (build-machines (append (guix-configuration-build-machines config)
                           (guix-extension-build-machines extension)))
   (chroot-directories (append (guix-extension-chroot-directories extension)
                               (guix-configuration-chroot-directories config)))))

(define (nologin) (file-append shadow "/sbin/nologin"))

(define (two-digits n)
  (if (< n 10) (string-append "0" (number->string n)) (number->string n)))

(define* (guix-build-accounts count #:key (group "guixbuild") (first-uid 30001))
  (map (lambda (i)
         (user-account
          (name (string-append "guixbuilder" (two-digits i)))
          (system? #t)
          (uid (+ first-uid i -1))
          (group group)
          ;; Builds may use KVM (virtual build machines, system tests).
          (supplementary-groups '("kvm"))
          (comment (string-append "Guix Build User " (number->string i)))
          (home-directory "/var/empty")
          (create-home-directory? #f)
          (shell (nologin))))
       (iota count 1)))

(define (guix-accounts config)
  (append
   (if (guix-configuration-privileged? config)
       '()
       (list (user-group (name "guix-daemon") (system? #t))
             (user-account
              (name "guix-daemon")
              (group "guix-daemon")
              (system? #t)
              (supplementary-groups '("kvm"))
              (comment "Guix Daemon User")
              (home-directory "/var/empty")
              (create-home-directory? #f)
              (shell (nologin)))))
   ;; A fixed id so that the store can be created with the right owner.
   (list (user-group (name (guix-configuration-build-group config)) (system? #t) (id 30000)))
   (guix-build-accounts (guix-configuration-build-accounts config)
                        #:group (guix-configuration-build-group config))))

(define (guix-daemon-command config)
  (append
   (list (file-append (guix-configuration-guix config) "/bin/guix-daemon"))
   (if (guix-configuration-privileged? config)
       (list "--build-users-group" (guix-configuration-build-group config))
       '())
   (list "--max-silent-time" (number->string (guix-configuration-max-silent-time config))
         "--timeout" (number->string (guix-configuration-timeout config))
         "--log-compression" (symbol->string (guix-configuration-log-compression config)))
   (if (guix-configuration-use-substitutes? config) '() '("--no-substitutes"))
   (list (string-append "--discover=" (if (guix-configuration-discover? config) "yes" "no"))
         "--substitute-urls" (string-join (guix-configuration-substitute-urls config)))
   (guix-configuration-extra-options config)
   (if (guix-configuration-chroot? config) '() '("--disable-chroot"))))

(define (guix-shepherd-services config)
  (list (shepherd-service
         (documentation "Run the Guix daemon.")
         (provision '(guix-daemon))
         (requirement (if (guix-configuration-discover? config)
                          '(user-processes avahi-daemon)
                          '(user-processes)))
         (start #~(make-forkexec-constructor '#$(guix-daemon-command config)
                                             #:log-file #$(guix-configuration-log-file config)))
         (stop #~(make-kill-destructor)))))

(define guix-service-type
  (service-type
   (name 'guix)
   (extensions
    (list (service-extension shepherd-root-service-type guix-shepherd-services)
          (service-extension account-service-type guix-accounts)
          (service-extension profile-service-type (compose list guix-configuration-guix))))
   (compose compose-guix-extensions)
   (extend extend-guix-configuration)
   (default-value (guix-configuration))
   (description "Run the build daemon of GNU Guix, aka. guix-daemon.")))

(define guix-publish-service-type
  (service-type
   (name 'guix-publish)
   (extensions
    (list (service-extension shepherd-root-service-type
                             (lambda (config)
                               (list (shepherd-service
                                      (documentation "Run 'guix publish'.")
                                      (provision '(guix-publish))
                                      (requirement '(user-processes guix-daemon))
                                      (start #~(make-systemd-constructor))
                                      (stop #~(make-systemd-destructor))))))
          (service-extension account-service-type
                             (const (list (user-group (name "guix-publish") (system? #t))
                                          (user-account
                                           (name "guix-publish")
                                           (group "guix-publish")
                                           (system? #t)
                                           (comment "guix publish user")
                                           (home-directory "/var/empty")
                                           (create-home-directory? #f)
                                           (shell (nologin))))))))
   (default-value (guix-publish-configuration))
   (description "Share pre-built binaries with 'guix publish' over HTTP.")))

;;;
;;; Services every system has.
;;;

;; A service type whose only extension is one Shepherd service with a fixed name.
(define* (daemon-service-type name provision requirement description
                              #:key (default #t) (compose #f) (extend #f))
  (service-type
   (name name)
   (extensions
    (list (service-extension shepherd-root-service-type
                             (lambda (value)
                               (list (shepherd-service
                                      (documentation description)
                                      (provision provision)
                                      (requirement requirement)
                                      (start #~(make-forkexec-constructor '(#$(symbol->string name))))
                                      (stop #~(make-kill-destructor))))))))
   (compose compose)
   (extend extend)
   (default-value default)
   (description description)))

;; Upstream's user-processes waits for file systems and kills user processes at shutdown;
;; services that start user-visible daemons require it.
(define user-processes-service-type
  (daemon-service-type 'user-processes '(user-processes) '()
                       "Kill user processes on shutdown, once file systems are mounted."
                       #:default '()
                       #:compose concatenate
                       #:extend append))

(define host-name-service-type
  (service-type
   (name 'host-name)
   (extensions
    (list (service-extension shepherd-root-service-type
                             (lambda (name)
                               (list (shepherd-service
                                      (documentation "Initialize the machine's host name.")
                                      (provision '(host-name))
                                      (requirement '())
                                      (one-shot? #t)
                                      (start #~(lambda _ (sethostname #$name)))))))))
   (description "Set the host name of the machine.")))

(define %default-console-font "LatGrkCyr-8x16")

(define console-font-service-type
  (service-type
   (name 'console-fonts)
   (extensions '())
   (compose concatenate)
   (extend append)
   (description "Install the given fonts on the specified ttys.")))

(define (udev-rule file-name contents)
  (computed-file file-name (plain-file file-name contents)))

(define (file->udev-rule file-name file)
  (computed-file file-name file))

(define (host address canonical-name . aliases)
  (list address canonical-name aliases))

(define udev-service-type
  (daemon-service-type 'udev '(udev) '() "Run udev, which populates /dev and reacts to hardware events."
                       #:default (udev-configuration)
                       #:compose concatenate
                       #:extend (lambda (config rules) config)))

(define urandom-seed-service-type
  (daemon-service-type 'urandom-seed '(urandom-seed) '(user-processes)
                       "Seed the kernel's random number generator at boot and save a seed at shutdown."))

(define nscd-service-type
  (daemon-service-type 'nscd '(nscd) '(user-processes)
                       "Run the name service cache daemon (nscd)."
                       #:default (nscd-configuration)
                       #:compose concatenate
                       #:extend (lambda (config caches) config)))

(define gpm-service-type
  (daemon-service-type 'gpm '(gpm) '(udev) "Run GPM, the general-purpose mouse daemon."
                       #:default (gpm-configuration)))

(define agetty-service-type
  (service-type
   (name 'agetty)
   (extensions
    (list (service-extension shepherd-root-service-type
                             (lambda (config)
                               ;; As Guix's: term-TTY, term-console when the tty is left to agetty.
                               (list (shepherd-service
                                      (documentation "Run agetty on a serial console.")
                                      (provision (let ((tty (%vbmc-record-field config 'tty)))
                                                   (list (symbol-append 'term- (string->symbol
                                                                                (if (string? tty) tty "console"))))))
                                      (requirement '(user-processes host-name udev))
                                      (start #~(make-forkexec-constructor '("agetty")))
                                      (stop #~(make-kill-destructor))))))))
   (description "Provide console login using the agetty program.")))

;;;
;;; Syslog.
;;;

(define %default-syslog.conf
  (plain-file "syslog.conf" "# Log all error messages, authentication messages of
# level notice or higher and anything of level err or
# higher to the console.
*.alert;auth.notice;authpriv.none      -/dev/console

# Log anything (except mail) of level info or higher.
*.info;mail.none;authpriv.none         -/var/log/messages

# Log debug messages.
*.=debug                               -/var/log/debug

# Same, in a different place.
*.info;mail.none;authpriv.none         -/dev/tty12

# The authpriv file has restricted access.
authpriv.*;auth.info                   /var/log/secure

# Log all the mail messages in one place.
mail.*                                 -/var/log/maillog
"))

(define-record-type* <syslog-configuration>
  syslog-configuration make-syslog-configuration
  syslog-configuration?
  (syslogd       syslog-configuration-syslogd
                 (default (file-append (specification->package "inetutils") "/libexec/syslogd"))
                 (type file-like))
  (config-file   syslog-configuration-config-file
                 (default %default-syslog.conf)
                 (type file-like))
  (extra-options syslog-configuration-extra-options
                 (default '())
                 (type (list-of string))))

(define syslog-service-type
  (service-type
   (name 'syslog)
   (extensions
    (list (service-extension shepherd-root-service-type
                             (lambda (config)
                               (list (shepherd-service
                                      (documentation "Run the syslog daemon (syslogd).")
                                      (provision '(syslogd))
                                      (requirement '(user-processes))
                                      (start #~(make-forkexec-constructor
                                                (list #$(syslog-configuration-syslogd config)
                                                      "--rcfile" #$(syslog-configuration-config-file config))
                                                #:pid-file "/var/run/syslog.pid"))
                                      (stop #~(make-kill-destructor))))))))
   (default-value (syslog-configuration))
   (description "Run the syslog daemon, syslogd, which collects system log messages.")))

;;;
;;; Mingetty.
;;;

(define-record-type* <mingetty-configuration>
  mingetty-configuration make-mingetty-configuration
  mingetty-configuration?
  (mingetty       mingetty-configuration-mingetty
                  (default (specification->package "mingetty"))
                  (type file-like))
  (tty            mingetty-configuration-tty
                  (type non-empty-string))
  (auto-login     mingetty-auto-login
                  (default #f)
                  (type (maybe string)))
  (login-program  mingetty-login-program
                  (default #f))
  (login-pause?   mingetty-login-pause?
                  (default #f)
                  (type boolean))
  (clear-on-logout? mingetty-clear-on-logout?
                  (default #t)
                  (type boolean)))

(define mingetty-service-type
  (service-type
   (name 'mingetty)
   (extensions
    (list (service-extension shepherd-root-service-type
                             (lambda (config)
                               (let ((tty (mingetty-configuration-tty config)))
                                 (list (shepherd-service
                                        (documentation "Run mingetty on a virtual terminal.")
                                        (provision (list (symbol-append 'term- (string->symbol tty))))
                                        (requirement '(user-processes host-name udev))
                                        (start #~(make-forkexec-constructor
                                                  (list #$(file-append (mingetty-configuration-mingetty config) "/sbin/mingetty")
                                                        "--noclear" #$tty)))
                                        (stop #~(make-kill-destructor)))))))))
   (description "Provide console login using the mingetty program.")))

;;;
;;; Static networking.
;;;

(define (ipv6-address? str) (and (string-contains str ":") #t))

(define-record-type* <network-address>
  network-address make-network-address
  network-address?
  this-network-address
  (device  network-address-device (type non-empty-string))
  (value   network-address-value (type non-empty-string))
  (ipv6?   network-address-ipv6?
           (thunked)
           (default (ipv6-address? (network-address-value this-network-address)))
           (type boolean)))

(define-record-type* <network-route>
  network-route make-network-route
  network-route?
  this-network-route
  (destination network-route-destination (type non-empty-string))
  (source      network-route-source (default #f) (type (maybe string)))
  (device      network-route-device (default #f) (type (maybe string)))
  (ipv6?       network-route-ipv6?
               (thunked)
               (default (or (ipv6-address? (network-route-destination this-network-route))
                            (let ((gw (network-route-gateway this-network-route)))
                              (and gw (ipv6-address? gw)))))
               (type boolean))
  (gateway     network-route-gateway (default #f) (type (maybe string))))

(define-record-type* <network-link>
  network-link make-network-link
  network-link?
  (name      network-link-name (default #f) (type (maybe string)))
  (type      network-link-type (default #f) (type (maybe symbol)))
  (arguments network-link-arguments (default '()) (type list)))

(define-record-type* <static-networking>
  static-networking make-static-networking
  static-networking?
  (addresses    static-networking-addresses (default '()) (type (list-of <network-address>)))
  (links        static-networking-links (default '()) (type (list-of <network-link>)))
  (routes       static-networking-routes (default '()) (type (list-of <network-route>)))
  (provision    static-networking-provision (default '(networking)) (type (list-of symbol)))
  (requirement  static-networking-requirement (default '(udev)) (type (list-of symbol)))
  (name-servers static-networking-name-servers (default '()) (type (list-of string))))

(define (static-networking-shepherd-service config)
  (shepherd-service
   (documentation "Bring up the networking interface using a static IP address.")
   (provision (static-networking-provision config))
   (requirement (static-networking-requirement config))
   (one-shot? #t)
   (start #~(lambda _ #t))
   (stop #~(lambda _ #f))))

(define static-networking-service-type
  (service-type
   (name 'static-networking)
   (extensions
    (list (service-extension shepherd-root-service-type
                             (lambda (configs) (map static-networking-shepherd-service configs)))))
   (compose concatenate)
   (extend append)
   (default-value '())
   (description "Turn up the specified network interfaces upon startup, with the given IP
address, gateway, netmask, and so on.")))

(define %loopback-static-networking
  (static-networking
   (addresses (list (network-address (device "lo") (value "127.0.0.1/8"))))
   (requirement '())
   (provision '(loopback))))

;; QEMU's user-mode network: the guest is 10.0.2.15, the host's gateway 10.0.2.2, its DNS 10.0.2.3.
(define %qemu-static-networking
  (static-networking
   (addresses (list (network-address (device "eth0") (value "10.0.2.15/24"))))
   (routes (list (network-route (destination "default") (gateway "10.0.2.2"))))
   (requirement '())
   (provision '(networking))
   (name-servers '("10.0.2.3"))))

;;;
;;; The base services.
;;;

(define %default-nss 'default-nss)

(define %base-services
  (list (service login-service-type)
        (service virtual-terminal-service-type)
        (service console-font-service-type
                 (map (lambda (tty) (cons tty %default-console-font))
                      '("tty1" "tty2" "tty3" "tty4" "tty5" "tty6")))
        (service shepherd-system-log-service-type)
        (service agetty-service-type (agetty-configuration
                                      (extra-options '("-L"))
                                      (term "vt100")
                                      (tty #f)
                                      (shepherd-requirement '(syslogd))))
        (service mingetty-service-type (mingetty-configuration (tty "tty1")))
        (service mingetty-service-type (mingetty-configuration (tty "tty2")))
        (service mingetty-service-type (mingetty-configuration (tty "tty3")))
        (service mingetty-service-type (mingetty-configuration (tty "tty4")))
        (service mingetty-service-type (mingetty-configuration (tty "tty5")))
        (service mingetty-service-type (mingetty-configuration (tty "tty6")))
        (service etc-bashrc-d-service-type)
        (service static-networking-service-type (list %loopback-static-networking))
        (service urandom-seed-service-type)
        (service guix-service-type)
        (service nscd-service-type)
        (service log-rotation-service-type)
        (service shepherd-timer-service-type)
        (service shepherd-transient-service-type)
        (service log-cleanup-service-type
                 (log-cleanup-configuration (directory "/var/log/guix/drvs")))
        (service sysctl-service-type)
        (service special-files-service-type
                 `(("/bin/sh" ,(file-append bash "/bin/sh"))
                   ("/usr/bin/env" ,(file-append coreutils "/bin/env"))))
        (service udev-service-type)))

;; /etc/hosts: the operating system gives the local entries (an essential service, as Guix 1.5.0
;; has it), and services add theirs (simple-service ... hosts-service-type (list (host ...))).
(define hosts-service-type
  (service-type
   (name 'etc-hosts)
   (extensions '())
   (compose concatenate)
   (extend append)
   (description "Populate the @file{/etc/hosts} file.")))

;;; Swap spaces: one Shepherd service each, named and required as Guix 1.5.0's swap-service
;;; names them.  On Linux it requires udev (udev-service-type of %base-services); on the Hurd
;;; (a system such as i586-gnu) it does not.  The requirements on the swap space's dependencies
;;; (file systems and mapped devices started in user space) are not modelled.

(define (hurd-system?)
  (string-suffix? "-gnu" (%current-system)))

(define (swap->shepherd-service-name swap)
  (let ((target (if (swap-space? swap) (swap-space-target swap) swap)))
    (symbol-append 'swap-
                   (string->symbol
                    (cond ((uuid? target) (uuid->string target))
                          ((file-system-label? target) (file-system-label->string target))
                          (else target))))))

(define swap-service-type
  (shepherd-service-type
   'swap
   (lambda (swap)
     (shepherd-service
      (provision (list (swap->shepherd-service-name swap)))
      (requirement (if (hurd-system?) '() '(udev)))
      (documentation "Enable the given swap space.")
      (start #~(lambda () #t))
      (stop #~(lambda _ #f))
      (respawn? #f)))
   (description "Turn on the virtual memory swap area.")))

(define (swap-service swap)
  (service swap-service-type swap))

