;;; (gnu services sysctl): kernel parameters set at boot, modelled because services extend it
;;; with settings: an extension is an alist of string pairs that is appended to the
;;; configuration's settings, as in Guix 1.5.0 (a value that is not a list of pairs fails there
;;; when the services are folded, and here when the appended settings are checked).

(define-module (gnu services sysctl)
  #:use-module (gnu services)
  #:use-module (gnu services shepherd)
  #:use-module ((generated gnu services sysctl) #:select (%default-sysctl-settings))
  #:use-module ((gnu packages linux) #:select (procps))
  #:export (sysctl-configuration sysctl-configuration? sysctl-configuration-sysctl
            sysctl-configuration-settings sysctl-service-type))

(define-record-type* <sysctl-configuration>
  sysctl-configuration make-sysctl-configuration sysctl-configuration?
  (sysctl   sysctl-configuration-sysctl
            (default (file-append procps "/sbin/sysctl")))
  (settings sysctl-configuration-settings
            (default %default-sysctl-settings)
            (type (list-of (pair-of any any)))))

(define (sysctl-shepherd-service config)
  (shepherd-service
   (documentation "Configure kernel parameters at boot.")
   (provision '(sysctl))
   (start #~(lambda _
              (zero? (system* #$(sysctl-configuration-sysctl config) "--load" "/etc/sysctl.conf"))))
   (one-shot? #t)))

(define sysctl-service-type
  (service-type
   (name 'sysctl)
   (extensions
    (list (service-extension shepherd-root-service-type
                             (compose list sysctl-shepherd-service))))
   (compose concatenate)
   (extend (lambda (config settings)
             (sysctl-configuration
              (inherit config)
              (settings (append (sysctl-configuration-settings config)
                                settings)))))
   (default-value (sysctl-configuration))
   (description "Set Linux kernel parameters under /proc/sys at system startup time.")))
