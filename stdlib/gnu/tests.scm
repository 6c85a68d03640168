;;; (gnu tests): the helpers of Guix's system tests that configurations reuse.

(define-module (gnu tests)
  #:use-module (gnu system)
  #:use-module (gnu system accounts)
  #:use-module (gnu system shadow)
  #:use-module (gnu system file-systems)
  #:use-module (gnu bootloader)
  #:use-module (gnu bootloader grub)
  #:use-module (gnu services)
  #:use-module (gnu services base)
  #:export (%simple-os
            simple-operating-system
            operating-system-with-console-syslog
            operating-system-with-gc-roots))

;; A small but complete system: one user, GRUB on a disk, a root file system by label.
(define %simple-os
  (operating-system
    (host-name "komputilo")
    (timezone "Europe/Berlin")
    (locale "en_US.UTF-8")
    (bootloader (bootloader-configuration
                 (bootloader grub-bootloader)
                 (targets '("/dev/sdX"))))
    (file-systems (cons (file-system
                          (device (file-system-label "my-root"))
                          (mount-point "/")
                          (type "ext4"))
                        %base-file-systems))
    (firmware '())
    (users (cons (user-account
                  (name "alice")
                  (comment "Bob's sister")
                  (group "users")
                  (supplementary-groups '("wheel" "audio" "video")))
                 %base-user-accounts))))

;; (simple-operating-system service ...): %simple-os with the given services before the base ones.
(define-syntax simple-operating-system
  (syntax-rules ()
    ((_ user-services ...)
     (operating-system
       (inherit %simple-os)
       (services (cons* user-services ... %base-services))))))

;; Upstream sends syslog to the console so that test logs show it; the services stay the same.
(define (operating-system-with-console-syslog os)
  (operating-system
    (inherit os)
    (services (modify-services (operating-system-user-services os)
                (syslog-service-type config =>
                                     (syslog-configuration
                                      (inherit config)
                                      (config-file (plain-file "syslog.conf" "*.* /dev/console\n"))))))))

(define* (operating-system-with-gc-roots os roots)
  os)
