;;; (gnu system file-systems): file systems, labels, UUIDs and the base file systems.

(define-module (gnu system file-systems)
  #:use-module (gnu system uuid)
  #:re-export (uuid uuid? uuid->string uuid-type)
  #:export (<file-system>
            file-system
            file-system?
            file-system-device
            file-system-mount-point
            file-system-type
            file-system-flags
            file-system-options
            file-system-mount?
            file-system-mount-may-fail?
            file-system-needed-for-boot?
            file-system-check?
            file-system-skip-check-if-clean?
            file-system-repair
            file-system-create-mount-point?
            file-system-dependencies
            file-system-shepherd-requirements
            file-system-location

            <file-system-label>
            file-system-label
            file-system-label?
            file-system-label->string

            %base-file-systems
            %pseudo-terminal-file-system
            %control-groups
            %immutable-store
            %shared-memory-file-system
            %debug-file-system
            %efivars-file-system
            %fuse-control-file-system
            %binary-format-file-system
            %elogind-file-systems
            %container-file-systems
            %pseudo-file-system-types
            file-system-device?

            <swap-space>
            swap-space
            swap-space?
            swap-space-target
            swap-space-dependencies
            swap-space-priority
            swap-space-discard?))

(define-record-type* <file-system-label>
  file-system-label-record make-file-system-label
  file-system-label?
  (label file-system-label->string (type string)))

;; Guix's constructor is a plain procedure: (file-system-label "root").
(define (file-system-label str)
  (make-file-system-label str))

;; What a 'device' may be: a device file name or a pseudo file system's name, a label, a UUID.
(define (file-system-device? x)
  (or (string? x) (file-system-label? x) (uuid? x)))

(define-record-type* <file-system>
  file-system make-file-system
  file-system?
  this-file-system
  (device                file-system-device
                         (type (predicate file-system-device? "a device name, a file-system-label or a uuid")))
  (mount-point           file-system-mount-point
                         (type non-empty-string))
  (type                  file-system-type
                         (type non-empty-string))
  (flags                 file-system-flags
                         (default '())
                         (type (list-of symbol)))
  (options               file-system-options
                         (default #f)
                         (type (maybe string)))
  (mount?                file-system-mount?
                         (default #t)
                         (type boolean))
  (mount-may-fail?       file-system-mount-may-fail?
                         (default #f)
                         (type boolean))
  (needed-for-boot?      %file-system-needed-for-boot?
                         (default #f)
                         (type boolean))
  (check?                file-system-check?
                         (default #t)
                         (type boolean))
  (skip-check-if-clean?  file-system-skip-check-if-clean?
                         (default #t)
                         (type boolean))
  (repair                file-system-repair
                         (default 'preen)
                         (type (or boolean (one-of 'preen))))
  (create-mount-point?   file-system-create-mount-point?
                         (default #f)
                         (type boolean))
  (dependencies          file-system-dependencies
                         (default '())
                         (type list))
  (shepherd-requirements file-system-shepherd-requirements
                         (default '())
                         (type (list-of symbol)))
  (location              file-system-location
                         (default #f)
                         (innate)))

;; As upstream: the root file system and the store are always needed for boot.
(define (file-system-needed-for-boot? fs)
  (or (%file-system-needed-for-boot? fs)
      (member (file-system-mount-point fs) '("/" "/gnu" "/gnu/store"))
      #f))

(define %pseudo-file-system-types
  '("binfmt_misc" "cgroup" "cgroup2" "debugfs" "devpts" "devtmpfs" "efivarfs" "fusectl"
    "hugetlbfs" "overlay" "proc" "securityfs" "sysfs" "tmpfs"))

(define %pseudo-terminal-file-system
  (file-system
    (device "none")
    (mount-point "/dev/pts")
    (type "devpts")
    (check? #f)
    (needed-for-boot? #f)
    (create-mount-point? #t)
    (options "gid=996,mode=620")))

(define %debug-file-system
  (file-system
    (type "debugfs")
    (device "none")
    (mount-point "/sys/kernel/debug")
    (check? #f)
    (create-mount-point? #t)))

(define %efivars-file-system
  (file-system
    (device "efivarfs")
    (mount-point "/sys/firmware/efi/efivars")
    (type "efivarfs")
    (mount-may-fail? #t)
    (needed-for-boot? #f)
    (check? #f)))

(define %fuse-control-file-system
  (file-system
    (device "fusectl")
    (mount-point "/sys/fs/fuse/connections")
    (type "fusectl")
    (check? #f)))

(define %binary-format-file-system
  (file-system
    (device "binfmt_misc")
    (mount-point "/proc/sys/fs/binfmt_misc")
    (type "binfmt_misc")
    (check? #f)))

(define %shared-memory-file-system
  (file-system
    (device "tmpfs")
    (mount-point "/dev/shm")
    (type "tmpfs")
    (check? #f)
    (flags '(no-suid no-dev))
    (options "size=50%")
    (create-mount-point? #t)))

(define %immutable-store
  (file-system
    (device "/gnu/store")
    (mount-point "/gnu/store")
    (type "none")
    (check? #f)
    (flags '(read-only bind-mount no-atime))))

(define %control-groups
  (list (file-system
          (device "cgroup")
          (mount-point "/sys/fs/cgroup")
          (type "cgroup2")
          (check? #f)
          (create-mount-point? #f))))

(define %elogind-file-systems
  (list (file-system
          (device "none")
          (mount-point "/run/systemd")
          (type "tmpfs")
          (check? #f)
          (flags '(no-suid no-dev no-exec))
          (options "mode=0755")
          (create-mount-point? #t))
        (file-system
          (device "none")
          (mount-point "/run/user")
          (type "tmpfs")
          (check? #f)
          (flags '(no-suid no-dev no-exec))
          (options "mode=0755")
          (create-mount-point? #t))))

(define %base-file-systems
  (list %pseudo-terminal-file-system
        %debug-file-system
        %shared-memory-file-system
        %efivars-file-system
        %immutable-store))

(define %container-file-systems
  (list %pseudo-terminal-file-system %shared-memory-file-system))

;; A swap space (Guix defines it here too).
(define-record-type* <swap-space>
  swap-space make-swap-space
  swap-space?
  (target       swap-space-target (type (or string (predicate file-system-device? "a device"))))
  (dependencies swap-space-dependencies (default '()) (type list))
  (priority     swap-space-priority (default #f) (type (maybe natural)))
  (discard?     swap-space-discard? (default #f) (type boolean)))
