;;; (gnu services virtualization): virtual build machines, as upstream Guix offers them.
;;;
;;; A virtual build machine is a QEMU VM whose clock starts at a chosen date and whose CPU
;;; model matches that date, registered as an offload target of guix-daemon.  The record's
;;; fields, their order and their defaults follow upstream, with these differences (see
;;; ../shared/design/language.md and architecture.md):
;;;  - the CPU table is ordered by date (upstream lists Westmere before Nehalem, so Westmere is
;;;    never chosen); before 2006 the model is "qemu64" (upstream: #f, which QEMU rejects), and
;;;    systems other than x86_64/i686 get "max" (upstream: "host", which needs KVM).  The warning
;;;    and note about those fallbacks are emitted by a check pass
;;;    (src/Vbmc.Services/Checks/CpuModelCheck.cs), once per VM even though 'cpu' is thunked;
;;;  - no secrets port is forwarded: `vbmc apply` makes the keys on the host and hands them to
;;;    the guest without TCP, so the default forwards only the SSH port;
;;;  - the default image is 20 GiB.
;;;
;;; Secrets.  Keys are never part of a compile's output.  The service declares the keys `apply`
;;; must make as <vbmc-secret> records (an extension of vbmc-secret-service-type, so they are
;;; visible in the fold), all under /etc/vbmc/NAME/: apply makes each pair at the record's path
;;; for its owner (src/Vbmc.Lowering/SecretLowering.cs says what it accepts).  The offload build machine registered with
;;; guix-service-type refers to those paths; its 'host-key' cannot be known at compile time, so
;;; it holds a structurally valid placeholder key (all-zero ed25519) whose comment is
;;; "vbmc-placeholder:NAME"; `apply` replaces it with the guest's real public host key.

(define-module (gnu services virtualization)
  #:use-module (gnu services)
  #:use-module (gnu services shepherd)
  #:use-module (gnu services base)
  #:use-module (gnu system)
  #:use-module (gnu system shadow)
  #:use-module (gnu services ssh)
  #:use-module (gnu system file-systems)
  #:use-module (gnu bootloader)
  #:use-module (gnu bootloader grub)
  #:use-module (gnu packages ssh)
  #:use-module (gnu image)
  #:use-module (guix scripts offload)
  #:use-module (gnu packages virtualization)
  #:use-module (gnu packages admin)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-19)
  #:use-module (ice-9 match)
  #:export (virtual-build-machine
            virtual-build-machine?
            make-virtual-build-machine
            <virtual-build-machine>
            virtual-build-machine-name
            virtual-build-machine-image
            virtual-build-machine-qemu
            virtual-build-machine-cpu
            virtual-build-machine-cpu-count
            virtual-build-machine-memory-size
            virtual-build-machine-date
            virtual-build-machine-port-forwardings
            virtual-build-machine-systems
            virtual-build-machine-auto-start?
            virtual-build-machine-features
            virtual-build-machine-mandatory-features
            virtual-build-machine-network-access?
            virtual-build-machine-substitute-urls
            virtual-build-machine-store-disk-size
            virtual-build-machine-date-feature
            virtual-build-machine-service-type

            virtual-build-machine-ssh-port
            virtual-build-machine-account-name
            virtual-build-machine-secret-directory
            virtual-build-machine-default-image
            %virtual-build-machine-operating-system
            %virtual-build-machine-default-vm

            %build-vm-ssh-port
            %x86-64-intel-cpu-models
            %pre-table-cpu-model
            %non-x86-cpu-model
            qemu-cpu-model-for-date

            vbmc-secret
            vbmc-secret?
            <vbmc-secret>
            vbmc-secret-vm
            vbmc-secret-kind
            vbmc-secret-path
            vbmc-secret-owner
            vbmc-secret-description
            vbmc-secret-service-type

            vbmc-qemu-machine
            vbmc-qemu-machine?
            <vbmc-qemu-machine>
            vbmc-qemu-machine-name
            vbmc-qemu-machine-systems
            vbmc-qemu-machine-cpu
            vbmc-qemu-machine-cpu-count
            vbmc-qemu-machine-memory-size
            vbmc-qemu-machine-date
            vbmc-qemu-machine-port-forwardings
            vbmc-qemu-machine-network-access?
            vbmc-qemu-machine-image
            vbmc-qemu-machine-store-disk-size
            vbmc-qemu-machine-service-type

            vbmc-placeholder-host-key
            vbmc-placeholder-host-key?))

;;;
;;; CPU models.
;;;

(define (utc-date year month day)
  (make-date 0 0 0 0 day month year 0))

(define %x86-64-intel-cpu-models
  ;; (release date . QEMU CPU model) of Intel's x86_64 micro-architectures, oldest first;
  ;; the names are those of 'qemu-system-x86_64 -cpu help'.
  (list (cons (utc-date 2006 1 1) "core2duo")
        (cons (utc-date 2008 1 1) "Nehalem")
        (cons (utc-date 2010 1 1) "Westmere")
        (cons (utc-date 2011 1 1) "SandyBridge")
        (cons (utc-date 2012 1 1) "IvyBridge")
        (cons (utc-date 2013 1 1) "Haswell")
        (cons (utc-date 2014 1 1) "Broadwell")
        (cons (utc-date 2015 1 1) "Skylake-Client")))

;; QEMU's generic 64-bit model: what a date older than every table entry gets.
(define %pre-table-cpu-model "qemu64")

;; QEMU's "every feature the accelerator supports" model; unlike "host" it works under TCG.
(define %non-x86-cpu-model "max")

(define (date-before? a b)
  (let ((ta (date->time-utc a))
        (tb (date->time-utc b)))
    (or (< (time-second ta) (time-second tb))
        (and (= (time-second ta) (time-second tb))
             (< (time-nanosecond ta) (time-nanosecond tb))))))

(define (x86-system? system)
  (or (string-prefix? "x86_64-" system)
      (string-prefix? "i686-" system)))

(define (qemu-cpu-model-for-date systems date)
  "Return the QEMU CPU model for SYSTEMS current at DATE: the newest model released strictly
before DATE."
  ;; A 'systems' or 'date' of the wrong type is a type error of that field already: answer
  ;; without failing, so that one mistake is reported once.
  (if (and (list? systems)
           (any (lambda (system) (and (string? system) (x86-system? system))) systems))
      (if (not (date? date))
          %pre-table-cpu-model
          (fold (lambda (entry model)
              (if (date-before? (car entry) date) (cdr entry) model))
                %pre-table-cpu-model
                %x86-64-intel-cpu-models))
      %non-x86-cpu-model))

;;;
;;; The guest operating system and its image.
;;;

;; Host port where the guest's SSH port is forwarded by default.
(define %build-vm-ssh-port 11022)

(define %virtual-build-machine-operating-system
  ;; The guest: an SSH server with the account builds are offloaded to (a record, as upstream's,
  ;; so that configurations may inherit it).
  (operating-system
    (host-name "build-machine")
    (bootloader (bootloader-configuration      ;unused: the VM boots its kernel directly
                 (bootloader grub-bootloader)
                 (targets '("/dev/null"))))
    (file-systems (list (file-system
                          (mount-point "/")
                          (device "/dev/vda")
                          (type "ext4"))))
    (users (cons (user-account
                  (name "offload")
                  (group "users")
                  (supplementary-groups '("kvm"))
                  (comment "Account used for offloading"))
                 %base-user-accounts))
    (services (cons (service openssh-service-type
                             (openssh-configuration
                              (openssh openssh-sans-x)))
                    %base-services))))

(define (virtual-build-machine-default-image config)
  (image
   (name (string->symbol (virtual-build-machine-account-name config)))
   (format 'compressed-qcow2)
   (partition-table-type 'mbr)
   (shared-store? #f)
   (size (* 20 (expt 2 30)))
   (operating-system %virtual-build-machine-operating-system)))

;;;
;;; The record.
;;;

(define-record-type* <virtual-build-machine>
  virtual-build-machine make-virtual-build-machine
  virtual-build-machine?
  this-virtual-build-machine
  (name             virtual-build-machine-name
                    (default 'build-vm)
                    (type symbol))
  (image            virtual-build-machine-image
                    (thunked)
                    (default (virtual-build-machine-default-image this-virtual-build-machine))
                    (type <image>))
  (qemu             virtual-build-machine-qemu
                    (default qemu-minimal)
                    (type package))
  (cpu              virtual-build-machine-cpu
                    (thunked)
                    (default (qemu-cpu-model-for-date
                              (virtual-build-machine-systems this-virtual-build-machine)
                              (virtual-build-machine-date this-virtual-build-machine)))
                    (type non-empty-string))
  (cpu-count        virtual-build-machine-cpu-count
                    (default 4)
                    (type positive))
  (memory-size      virtual-build-machine-memory-size      ;MiB
                    (default 2048)
                    (type positive))
  ;; A date in the past, so that software from the past builds; it has no other meaning.
  (date             virtual-build-machine-date
                    (default (make-date 0 0 0 0 1 1 2020 0))
                    (type date))
  ;; (host port . guest port) pairs; vbmc forwards no secrets port (see the commentary).
  (port-forwardings virtual-build-machine-port-forwardings
                    (default `((,%build-vm-ssh-port . 22)))
                    (type (list-of (pair-of port port))))
  ;; Thunked (upstream is not) so that %current-system is read when the field is used, not when
  ;; this module built %virtual-build-machine-default-vm: the module is shared by every
  ;; evaluation of a process, and two evaluations may ask for different systems.
  (systems          virtual-build-machine-systems
                    (thunked)
                    (default (list (%current-system)))
                    (type (list-of (warn-unless known-system-type? "a known system type"))))
  (auto-start?      virtual-build-machine-auto-start?
                    (default #f)
                    (type boolean))
  ;; vbmc: what the guest's daemons build (both machine files, and the guest nix-daemon's
  ;; system-features): by default what nix-daemon supports in a guest without KVM, and
  ;; "vbmc-date-YYYY-MM-DD", the VM's date, which a derivation requires to be built on it.
  (features         virtual-build-machine-features
                    (thunked)
                    (default (virtual-build-machine-default-features this-virtual-build-machine))
                    (type (list-of non-empty-string)))
  ;; vbmc: Nix sends the VM only derivations that require all of these (Guix has no such notion).
  (mandatory-features virtual-build-machine-mandatory-features
                    (default '())
                    (type (list-of non-empty-string)))
  ;; vbmc: whether guest processes may open connections out of the VM (to the host's loopback
  ;; and beyond). By default only the forwarded SSH port leads in and nothing leads out.
  (network-access?  virtual-build-machine-network-access?
                    (default #f)
                    (type boolean))
  ;; vbmc: substitute servers of the guest's daemons; none by default (builds run offline, at an
  ;; old date where TLS would fail anyway). Needs network-access?.
  (substitute-urls  virtual-build-machine-substitute-urls
                    (default '())
                    (type (list-of non-empty-string)))
  ;; vbmc: the size in bytes of a persistent disk for the guest daemons' stores (/nix, /gnu,
  ;; /var/guix), which then keep what they received across VM starts; #f: none, every start
  ;; begins with empty stores (the image is opened with snapshot=on).
  (store-disk-size  virtual-build-machine-store-disk-size
                    (default #f)
                    (type (maybe positive))))

(define (virtual-build-machine-date-feature config)
  "The feature naming CONFIG's date in UTC, e.g. \"vbmc-date-2014-06-01\"."
  (let ((utc (time-utc->date (date->time-utc (virtual-build-machine-date config)) 0)))
    (string-append "vbmc-date-" (date->string utc "~Y-~m-~d"))))

(define (virtual-build-machine-default-features config)
  ;; A date of the wrong type is an error already: no feature for it, so that it is not repeated.
  (append (list "benchmark" "big-parallel" "nixos-test")
          (if (date? (virtual-build-machine-date config))
              (list (virtual-build-machine-date-feature config))
              '())))

(define %virtual-build-machine-default-vm
  (virtual-build-machine))

(define (virtual-build-machine-ssh-port config)
  "Return the host port forwarded to CONFIG's guest SSH port, or #f."
  (let ((forwardings (virtual-build-machine-port-forwardings config)))
    (and (list? forwardings)
         (any (match-lambda
                ((host-port . 22) host-port)
                (_ #f))
              forwardings))))

;; The VM's name as a string; a name of the wrong type (a type error already) is written as is,
;; so that the extensions still compute and report nothing more.
(define (virtual-build-machine-name-string config)
  (format #f "~a" (virtual-build-machine-name config)))

(define (virtual-build-machine-account-name config)
  (string-append "build-vm-" (virtual-build-machine-name-string config)))

(define (virtual-build-machine-secret-directory config)
  (string-append "/etc/vbmc/" (virtual-build-machine-name-string config)))

;;;
;;; Secrets that `vbmc apply` makes on the host.
;;;

(define-record-type* <vbmc-secret>
  vbmc-secret make-vbmc-secret
  vbmc-secret?
  (vm          vbmc-secret-vm                ;the virtual build machine's name
               (type symbol))
  ;; guest-host-key: the guest's SSH host key pair, handed to the guest at boot;
  ;; offload-key: the key pair guix offload (root) logs in to the guest with.
  (kind        vbmc-secret-kind
               (type (one-of 'guest-host-key 'offload-key)))
  (path        vbmc-secret-path              ;the private key; the public one is PATH.pub
               (type non-empty-string))
  (owner       vbmc-secret-owner             ;the account allowed to read it (besides root)
               (type non-empty-string))
  (description vbmc-secret-description
               (default "")
               (type string)))

(define (virtual-build-machine-secrets config)
  (let ((name (virtual-build-machine-name config))
        (directory (virtual-build-machine-secret-directory config)))
    (list (vbmc-secret
           (vm name)
           (kind 'guest-host-key)
           (path (string-append directory "/ssh_host_ed25519_key"))
           (owner (virtual-build-machine-account-name config))
           (description "SSH host key of the guest, handed to it when it boots"))
          (vbmc-secret
           (vm name)
           (kind 'offload-key)
           (path (string-append directory "/offload_ed25519"))
           (owner "root")
           (description "key pair guix offload uses to log in to the guest")))))

(define vbmc-secret-service-type
  ;; Collects every <vbmc-secret>; its extension of the system service only makes it part of
  ;; the fold (it adds no file to the system).
  (service-type
   (name 'vbmc-secrets)
   (extensions (list (service-extension system-service-type (lambda (secrets) '()))))
   (compose concatenate)
   (extend append)
   (default-value '())
   (description "Keys that vbmc apply makes on the host for the virtual build machines.")))

;;;
;;; The QEMU machines vbmc runs.
;;;

;; What the launch script and the guest image are made of: the QEMU-level facts of a VM, with its
;; thunked fields (cpu, systems, image) computed.  The fields are not typed: the VM's record
;; checked them where the user wrote them, and vbmc's lowering reports a value of another shape
;; that a service of the configuration gives (src/Vbmc.Lowering/QemuMachineLowering.cs).
(define-record-type* <vbmc-qemu-machine>
  vbmc-qemu-machine make-vbmc-qemu-machine
  vbmc-qemu-machine?
  (name             vbmc-qemu-machine-name)               ;symbol: the VM it runs
  (systems          vbmc-qemu-machine-systems)            ;the first names the emulator
  (cpu              vbmc-qemu-machine-cpu)                ;QEMU's -cpu model
  (cpu-count        vbmc-qemu-machine-cpu-count)          ;-smp
  (memory-size      vbmc-qemu-machine-memory-size)        ;-m, MiB
  (date             vbmc-qemu-machine-date)               ;-rtc base, and the guest's clock
  (port-forwardings vbmc-qemu-machine-port-forwardings)   ;(host port . guest port) on 127.0.0.1
  (network-access?  vbmc-qemu-machine-network-access?)    ;#f: restrict=on
  (image            vbmc-qemu-machine-image)              ;the guest disk
  (store-disk-size  vbmc-qemu-machine-store-disk-size))   ;bytes of the persistent store disk, or #f

(define (virtual-build-machine-qemu-machines config)
  (list (vbmc-qemu-machine
         (name (virtual-build-machine-name config))
         (systems (virtual-build-machine-systems config))
         (cpu (virtual-build-machine-cpu config))
         (cpu-count (virtual-build-machine-cpu-count config))
         (memory-size (virtual-build-machine-memory-size config))
         (date (virtual-build-machine-date config))
         (port-forwardings (virtual-build-machine-port-forwardings config))
         (network-access? (virtual-build-machine-network-access? config))
         (image (virtual-build-machine-image config))
         (store-disk-size (virtual-build-machine-store-disk-size config)))))

(define vbmc-qemu-machine-service-type
  ;; Collects every <vbmc-qemu-machine>: vbmc compile writes a launch script and a guest image
  ;; for each; its extension of the system service only makes it part of the fold.
  (service-type
   (name 'vbmc-qemu-machines)
   (extensions (list (service-extension system-service-type (lambda (machines) '()))))
   (compose concatenate)
   (extend append)
   (default-value '())
   (description "QEMU machines that vbmc runs for the virtual build machines.")))

;; A syntactically valid ed25519 key (all-zero key bytes): stands for the guest's host key until
;; `vbmc apply` knows it.
(define %placeholder-key-blob
  "AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")

(define (vbmc-placeholder-host-key name)
  (string-append "ssh-ed25519 " %placeholder-key-blob " vbmc-placeholder:" (format #f "~a" name)))

(define (vbmc-placeholder-host-key? key)
  (and (string? key)
       (string-prefix? (string-append "ssh-ed25519 " %placeholder-key-blob " vbmc-placeholder:") key)))

;;;
;;; Service extensions.
;;;

(define (virtual-build-machine-accounts config)
  (let ((name (virtual-build-machine-account-name config)))
    (list (user-group
           (name name)
           (system? #t))
          (user-account
           (name name)
           (group name)
           (supplementary-groups '("kvm"))
           (comment "Privilege separation user for the virtual build machine")
           (home-directory "/var/empty")
           (shell (file-append shadow "/sbin/nologin"))
           (system? #t)))))

(define (virtual-build-machine-shepherd-services config)
  ;; What vbmc installs for the VM under GNU Shepherd (shepherd/NAME.scm) is this record, lowered:
  ;; change it (a modify-services clause on the VM, another service type) and the file changes.
  ;; The QEMU command itself is lowered from the VM record (vbmc compile writes run-NAME.sh into
  ;; /var/lib/vbmc/NAME); the service runs that script as the VM's own account, with shepherd's
  ;; environment (PATH finds QEMU) and QEMU's snapshot overlay in /tmp, the serial console in
  ;; /var/log/vbmc/NAME.log (shepherd opens it as root).  user-processes is required only where
  ;; a service provides it (Guix System's Shepherd); vbmc's file checks when it is loaded.
  (let* ((name (virtual-build-machine-name config))
         (vm (symbol->string name))
         (user (virtual-build-machine-account-name config))
         (date (virtual-build-machine-date config)))
    (list (shepherd-service
           (documentation
            (string-append "Run the vbmc virtual build machine " vm
                           (if (date? date)
                               (string-append " (its clock starts at "
                                              (date->string (time-utc->date (date->time-utc date) 0)
                                                            "~Y-~m-~dT~H:~M:~S")
                                              " UTC).")
                               ".")))
           (provision (list name))
           (requirement '(user-processes))
           (auto-start? (virtual-build-machine-auto-start? config))
           (start #~(make-forkexec-constructor
                     (list #$(string-append "/var/lib/vbmc/" vm "/run-" vm ".sh"))
                     #:user #$user
                     ;; Its own group (the secrets folder is readable through it), and kvm
                     ;; as a supplementary group for /dev/kvm.
                     #:group #$user
                     #:supplementary-groups '("kvm")
                     #:environment-variables
                     (cons "TMPDIR=/tmp"
                           (filter (lambda (variable) (not (string-prefix? "TMPDIR=" variable)))
                                   (default-environment-variables)))
                     #:log-file #$(string-append "/var/log/vbmc/" vm ".log")))
           ;; The launch script execs QEMU, which exits on SIGTERM.
           (stop #~(make-kill-destructor))))))

(define (virtual-build-machine-build-machines config)
  ;; Without a forward to the guest's SSH port there is nothing to offload to (a check pass,
  ;; SshForwardCheck, reports it at the 'port-forwardings' value).
  (let ((port (virtual-build-machine-ssh-port config)))
    ;; An out-of-range port is a type error of 'port-forwardings' already: do not repeat it as
    ;; an error of this library's build-machine record.
    (if (and (integer? port) (<= 1 port 65535))
        ;; 127.0.0.1, not "localhost": hosts resolve localhost to ::1 first, guile-ssh does not
        ;; fall back, and the VM's forward listens on 127.0.0.1 only.
        (list (build-machine
               (name "127.0.0.1")
               (port port)
               (systems (virtual-build-machine-systems config))
               (user "offload")
               ;; vbmc: as many builds at once as the VM has CPUs (upstream: build-machine's 1);
               ;; a cpu-count of the wrong type is an error already, not repeated here.
               (parallel-builds (let ((cpus (virtual-build-machine-cpu-count config)))
                                  (if (and (exact-integer? cpus) (positive? cpus)) cpus 1)))
               (features (virtual-build-machine-features config))
               (private-key (string-append (virtual-build-machine-secret-directory config)
                                           "/offload_ed25519"))
               (host-key (vbmc-placeholder-host-key (virtual-build-machine-name config)))))
        '())))

(define (virtual-build-machine-guix-extension config)
  (guix-extension
   (build-machines (virtual-build-machine-build-machines config))))

(define (for-named-vm compute)
  ;; A VM whose name is not a symbol has a type error already: it contributes nothing, so that
  ;; the error is not repeated by the records its extensions would build.
  (lambda (config)
    (if (symbol? (virtual-build-machine-name config))
        (compute config)
        '())))

(define virtual-build-machine-service-type
  (service-type
   (name 'build-vm)
   (extensions
    (list (service-extension shepherd-root-service-type
                             (for-named-vm virtual-build-machine-shepherd-services))
          (service-extension account-service-type
                             (for-named-vm virtual-build-machine-accounts))
          (service-extension guix-service-type
                             (for-named-vm virtual-build-machine-guix-extension))
          (service-extension vbmc-secret-service-type
                             (for-named-vm virtual-build-machine-secrets))
          (service-extension vbmc-qemu-machine-service-type
                             (for-named-vm virtual-build-machine-qemu-machines))))
   (default-value %virtual-build-machine-default-vm)
   (description
    "Run virtual machines that the build daemon can offload builds to, with a clock set in
the past and a CPU model of that time.")))
