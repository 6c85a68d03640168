;;; (gnu system hurd): the Hurd's base services, as Guix 1.5.0 lists them, so that a system built
;;; on them is folded with the services it really has (it has no udev, for instance). The rest
;;; of the module (default operating systems, packages, setuid programs) comes from the data.

(define-module (gnu system hurd)
  #:use-module (gnu)
  #:use-module (gnu services)
  #:use-module (gnu services base)
  #:use-module (gnu services hurd)
  #:use-module ((gnu packages hurd) #:select (hurd))
  #:use-module ((gnu packages bash) #:select (bash))
  #:use-module ((gnu packages base) #:select (coreutils glibc/hurd))
  #:use-module ((generated gnu system hurd)
                #:select (%hurd-default-operating-system-kernel %hurd64-default-operating-system-kernel
                          %base-packages/hurd %setuid-programs/hurd))
  #:export (%base-services/hurd %base-services+qemu-networking/hurd %desktop-services/hurd
            %hurd-default-operating-system %hurd64-default-operating-system))

(define %base-services/hurd
  (append (list (service hurd-console-service-type
                         (hurd-console-configuration (hurd hurd)))
                (service guix-service-type
                         (guix-configuration
                          (extra-options '("--disable-chroot"
                                           "--disable-deduplication"))))
                (service special-files-service-type
                         `(("/bin/sh" ,(file-append bash "/bin/sh"))
                           ("/usr/bin/env" ,(file-append coreutils "/bin/env"))))
                (service syslog-service-type))
          (map (lambda (n)
                 (service hurd-getty-service-type
                          (hurd-getty-configuration
                           (tty (string-append "tty" (number->string n))))))
               (iota 6 1))))

(define %base-services+qemu-networking/hurd
  (cons (service static-networking-service-type
                 (list %loopback-static-networking %qemu-static-networking))
        %base-services/hurd))

(define %desktop-services/hurd %base-services/hurd)

;; The Hurd's default system, as Guix 1.5.0 defines it: systems inherit from it.
(define %hurd-default-operating-system
  (operating-system
    (kernel %hurd-default-operating-system-kernel)
    (kernel-arguments '())
    (hurd hurd)
    (bootloader (bootloader-configuration
                 (bootloader grub-minimal-bootloader)
                 (targets '("/dev/vda"))))
    (initrd #f)
    (initrd-modules '())
    (firmware '())
    (host-name "guixygnu")
    (file-systems '())
    (packages %base-packages/hurd)
    (timezone "GNUrope")
    (locale-libcs (list glibc/hurd))
    (name-service-switch #f)
    (essential-services (hurd-default-essential-services this-operating-system))
    ;; Guix gives them as setuid-programs, which vbmc reports as deprecated in the user's files.
    (privileged-programs %setuid-programs/hurd)))

(define %hurd64-default-operating-system
  (operating-system
    (inherit %hurd-default-operating-system)
    (kernel %hurd64-default-operating-system-kernel)))

